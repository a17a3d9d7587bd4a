{{/* Names, labels and the lists every template shares. */}}

{{- define "hv.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hv.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "hv.selectorLabels" -}}
app.kubernetes.io/name: {{ include "hv.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "hv.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "hv.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "hv.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "hv.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "hv.secretName" -}}
{{- default (include "hv.fullname" .) .Values.existingSecret -}}
{{- end -}}

{{/*
The credentials: each an environment variable of the same name, read from the Secret and never
from values. The first two are required (the bot refuses to start without them); the others are
optional (an integration whose credentials are missing stays off). values.schema.json refuses all
of them under `env`: keep the two lists equal.
*/}}
{{- define "hv.requiredSecretKeys" -}}
HELPDESK_SECRET ADMIN_API_TOKEN
{{- end -}}

{{- define "hv.optionalSecretKeys" -}}
SLACK_BOT_TOKEN SLACK_SIGNING_SECRET SLACK_APP_TOKEN MICROSOFT_APP_ID MICROSOFT_APP_PASSWORD MICROSOFT_APP_TENANT_ID TWILIO_ACCOUNT_SID TWILIO_AUTH_TOKEN SMTP_USERNAME SMTP_PASSWORD GRAPH_CLIENT_SECRET GRAPH_CERTIFICATE_PASSWORD CONNECTWISE_COMPANY_ID CONNECTWISE_PUBLIC_KEY CONNECTWISE_PRIVATE_KEY CONNECTWISE_CLIENT_ID AUTOTASK_USERNAME AUTOTASK_SECRET AUTOTASK_INTEGRATION_CODE
{{- end -}}

{{/* Mount points: the image's working directory is /app (read-only here). */}}
{{- define "hv.dataDir" -}}/app/data{{- end -}}
{{- define "hv.secretFilesDir" -}}/run/secrets/helpdesk{{- end -}}

{{/*
Redis for every replica. The variable names are the bot's (docs/configuration.md). A password
comes from the Secret only; REDIS_PASSWORD is listed before REDIS_URL because Kubernetes expands
$(REDIS_PASSWORD) only from variables defined earlier in the list.
*/}}
{{- define "hv.redisEnv" -}}
{{- $secret := include "hv.secretName" . -}}
{{- $redis := .Values.redis -}}
{{- if $redis.auth.enabled }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: REDIS_PASSWORD
{{- end }}
{{- if $redis.auth.sentinelPassword }}
- name: REDIS_SENTINEL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: REDIS_SENTINEL_PASSWORD
{{- end }}
{{- if eq $redis.mode "url" }}
{{- $url := required "redis.url is required with redis.mode=url (redis://host:port or rediss://host:port)" $redis.url }}
{{- $parts := regexSplit "://" $url 2 }}
- name: REDIS_URL
  {{- if $redis.auth.enabled }}
  value: {{ printf "%s://:$(REDIS_PASSWORD)@%s" (index $parts 0) (index $parts 1) | quote }}
  {{- else }}
  value: {{ $url | quote }}
  {{- end }}
{{- else if eq $redis.mode "sentinel" }}
- name: REDIS_SENTINEL_MASTER
  value: {{ required "redis.sentinel.master is required with redis.mode=sentinel" $redis.sentinel.master | quote }}
- name: REDIS_SENTINEL_NODES
  value: {{ join "," $redis.sentinel.nodes | quote }}
{{- else if eq $redis.mode "cluster" }}
- name: REDIS_CLUSTER_NODES
  value: {{ join "," $redis.cluster.nodes | quote }}
{{- end }}
{{- end -}}
