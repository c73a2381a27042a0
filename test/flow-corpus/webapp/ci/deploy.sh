#!/usr/bin/env bash
# Deploys the image built by build.sh to the cluster picked by DEPLOY_ENV.
set -euo pipefail

DIR=$(cd "$(dirname "$0")" && pwd)
. "$DIR/env.sh"
. "$DIR/lib/common.sh"

require_env KUBE_TOKEN

IMAGE=$(cat "$ARTIFACTS_DIR/image.txt")
TIMEOUT=300s

kubectl_() {
	kubectl --server "https://$CLUSTER.k8s.example.com" --token "$KUBE_TOKEN" -n "$NAMESPACE" "$@"
}

log "deploying $IMAGE to $CLUSTER/$NAMESPACE ($REPLICAS replicas)"

kubectl_ set image deployment/webapp "webapp=$REGISTRY/$IMAGE"
kubectl_ scale deployment/webapp --replicas="$REPLICAS"

if ! kubectl_ rollout status deployment/webapp --timeout="$TIMEOUT"; then
	warn "rollout failed, rolling back"
	kubectl_ rollout undo deployment/webapp
	exit 1
fi

if [ "$DEPLOY_ENV" = production ]; then
	curl -fsS -X POST -H 'Content-Type: application/json' \
		-d "{\"text\": \"webapp $IMAGE deployed to production\"}" \
		"$SLACK_WEBHOOK_URL"
fi
log "deployed"
