#!/bin/sh
# Regenerates the certificate of the "wrong" domain controller in the LDAP tests: self-signed for
# 127.0.0.1 like graph-tls/fake-authority.p12, but in no trust store, so a DC serving it must be
# refused. The trusted DC serves graph-tls/fake-authority.p12 (the test JVM trusts it). Test-only.
set -eu
cd "$(dirname "$0")"
rm -f untrusted-dc.p12
keytool -genkeypair -alias untrusted-dc -keyalg RSA -keysize 2048 -validity 7300 \
  -dname "CN=127.0.0.1, O=Helpdesk Verify tests, OU=untrusted" -ext "SAN=IP:127.0.0.1,DNS:localhost" \
  -storetype PKCS12 -keystore untrusted-dc.p12 -storepass changeit -keypass changeit
