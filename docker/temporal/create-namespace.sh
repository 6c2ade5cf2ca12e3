#!/bin/sh
# Registers the namespace Avance runs in: the server image creates none, and the CLI has no
# "create if missing". The server's port opens before its frontend can serve, so this retries
# until the namespace is there, and treats "already exists" as done (reruns, races).
set -eu

ADDRESS=${TEMPORAL_ADDRESS:-temporal:7233}
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-60}

attempt=1
while :; do
  if temporal operator namespace describe --namespace "$NAMESPACE" --address "$ADDRESS" >/dev/null 2>&1; then
    echo "Namespace $NAMESPACE is registered"
    exit 0
  fi
  if output=$(temporal operator namespace create --namespace "$NAMESPACE" --address "$ADDRESS" 2>&1); then
    echo "$output"
    exit 0
  fi
  case $output in
    *"already exists"* | *AlreadyExists*)
      echo "Namespace $NAMESPACE already exists"
      exit 0
      ;;
  esac
  if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
    echo "$output" >&2
    echo "Could not register namespace $NAMESPACE at $ADDRESS after $attempt attempts" >&2
    exit 1
  fi
  echo "Temporal not ready yet (attempt $attempt/$MAX_ATTEMPTS): $output"
  attempt=$((attempt + 1))
  sleep 2
done
