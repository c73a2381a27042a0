# Deployment environment; sourced by deploy.sh.
# shellcheck shell=bash

DEPLOY_ENV="${DEPLOY_ENV:-staging}"
REGISTRY="registry.example.com/webapp"

case "$DEPLOY_ENV" in
	production)
		CLUSTER=prod-eu-1
		REPLICAS=6
		INGRESS_HOST=app.example.com
		;;
	staging)
		CLUSTER=staging-eu-1
		REPLICAS=2
		INGRESS_HOST=staging.app.example.com
		;;
	preview)
		CLUSTER=dev-eu-1
		# REPLICAS comes from the caller for previews
		INGRESS_HOST="pr-${PR_NUMBER}.preview.app.example.com"
		;;
	*)
		echo "env.sh: unknown DEPLOY_ENV '$DEPLOY_ENV'" >&2
		return 1 2>/dev/null || exit 1
		;;
esac

NAMESPACE="webapp-${DEPLOY_ENV}"

# Feature flags per environment, overridable from the pipeline.
if [ "$DEPLOY_ENV" != production ]; then
	FEATURE_FLAGS="${FEATURE_FLAGS:-beta-ui,verbose-errors}"
fi
