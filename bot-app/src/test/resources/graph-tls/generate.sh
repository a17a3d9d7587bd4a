#!/bin/sh
# Regenerates the TLS material of the fake Microsoft identity platform used by the Graph tests.
# MSAL (inside azure-identity) only talks to an https authority, so the tests serve the fake token
# endpoint over TLS with this self-signed certificate, and surefire passes truststore.p12 to the
# test JVM (javax.net.ssl.trustStore in bot-app/pom.xml). Test-only; the password is not a secret.
set -eu
cd "$(dirname "$0")"
rm -f fake-authority.p12 truststore.p12 fake-authority.crt
keytool -genkeypair -alias fake-authority -keyalg RSA -keysize 2048 -validity 7300 \
  -dname "CN=127.0.0.1, O=Helpdesk Verify tests" -ext "SAN=IP:127.0.0.1,DNS:localhost" \
  -storetype PKCS12 -keystore fake-authority.p12 -storepass changeit -keypass changeit
keytool -exportcert -alias fake-authority -keystore fake-authority.p12 -storepass changeit -rfc -file fake-authority.crt
keytool -importcert -noprompt -alias fake-authority -file fake-authority.crt \
  -storetype PKCS12 -keystore truststore.p12 -storepass changeit
rm -f fake-authority.crt
