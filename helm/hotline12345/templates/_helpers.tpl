{{/*
Chart name, truncated to the 63 characters Kubernetes names allow.
*/}}
{{- define "hotline12345.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's resources: <release>-<chart>, or the release name when it already contains
the chart name.
*/}}
{{- define "hotline12345.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "hotline12345.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels on every resource.
*/}}
{{- define "hotline12345.labels" -}}
helm.sh/chart: {{ include "hotline12345.chart" . }}
{{ include "hotline12345.selectorLabels" . }}
app.kubernetes.io/version: {{ (default .Chart.AppVersion .Values.image.tag) | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: hotline12345
{{- end }}

{{/*
Labels selecting the release's pods (never change them: Deployment selectors are immutable).
*/}}
{{- define "hotline12345.selectorLabels" -}}
app.kubernetes.io/name: {{ include "hotline12345.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "hotline12345.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "hotline12345.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference: repository:tag, the tag defaulting to the chart's appVersion.
*/}}
{{- define "hotline12345.image" -}}
{{- printf "%s:%s" (required "image.repository is required" .Values.image.repository) (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}

{{/*
Name of the Secret with the database credentials: the existing one, or the one this chart creates.
*/}}
{{- define "hotline12345.databaseSecretName" -}}
{{- if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else }}
{{- printf "%s-db" (include "hotline12345.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
The JDBC URL of the external PostgreSQL, validated. Rendering fails with a clear message when it is
missing: this chart deploys production only and never falls back to the embedded database.
*/}}
{{- define "hotline12345.jdbcUrl" -}}
{{- $url := .Values.database.jdbcUrl | default "" | toString | trim }}
{{- if not $url }}
{{- fail "database.jdbcUrl is required: this chart runs the hotline against an external PostgreSQL only (never the embedded one). Set it, e.g. --set database.jdbcUrl=jdbc:postgresql://db.internal:5432/hotline" }}
{{- end }}
{{- if not (hasPrefix "jdbc:postgresql:" $url) }}
{{- fail (printf "database.jdbcUrl must be a PostgreSQL JDBC URL starting with jdbc:postgresql:, got %q" $url) }}
{{- end }}
{{- $url }}
{{- end }}

{{/*
Checks the database credentials: without database.existingSecret the chart creates the Secret itself
and then needs both a username and a password (there are no default credentials).
*/}}
{{- define "hotline12345.validateCredentials" -}}
{{- if not .Values.database.existingSecret }}
{{- if not (.Values.database.username | default "" | toString) }}
{{- fail "database.username is required unless database.existingSecret names an existing Secret with the credentials" }}
{{- end }}
{{- if not (.Values.database.password | default "" | toString) }}
{{- fail "database.password is required unless database.existingSecret names an existing Secret with the credentials (pass it with --set database.password=... from your secret store; never commit it)" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Number of pods that normally run: autoscaling.minReplicas when autoscaling is on, else replicaCount.
*/}}
{{- define "hotline12345.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}
{{- .Values.autoscaling.minReplicas | int }}
{{- else }}
{{- .Values.replicaCount | int }}
{{- end }}
{{- end }}
