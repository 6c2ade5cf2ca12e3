#!/bin/sh
# Registers Avance's custom search attributes, so the application can run with
# AVANCE_REGISTER_SEARCH_ATTRIBUTES=false. Keep the list in step with the application's.
#
# One `create` call for all of them: the CLI fails only on a name that exists with another type,
# and the server skips names already registered, so reruns are no-ops. One call rather than one
# per name, because with SQL visibility each call reads the namespace through a cache: a second
# call right after the first could pick the same free column and be refused until the cache
# refreshes. The step ends only once all names are listed, so Avance never starts before the
# frontend knows them.
set -eu

ADDRESS=${TEMPORAL_ADDRESS:-temporal:7233}
NAMESPACE=${TEMPORAL_NAMESPACE:-default}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-60}

ATTRIBUTES="
BorrowerStatus:Keyword
LoanStatus:Keyword
BorrowerId:Keyword
PlatformId:Keyword
LoanAmountCents:Int
LoanDueDate:Datetime
LoanIsLate:Bool
"

set --
for attribute in $ATTRIBUTES; do
  set -- "$@" --name "${attribute%%:*}" --type "${attribute#*:}"
done

all_listed() {
  listing=$(temporal operator search-attribute list --namespace "$NAMESPACE" --address "$ADDRESS" --output json 2>&1) || return 1
  for attribute in $ATTRIBUTES; do
    case $listing in
      *"\"${attribute%%:*}\""*) ;;
      *) return 1 ;;
    esac
  done
}

attempt=1
while :; do
  if output=$(temporal operator search-attribute create --namespace "$NAMESPACE" --address "$ADDRESS" "$@" 2>&1); then
    echo "$output"
    break
  fi
  case $output in
    *"different type"*)
      # A name taken with another type is a real conflict; retrying cannot fix it.
      echo "$output" >&2
      exit 1
      ;;
    *"already exists"*)
      # Older servers refuse a name that is already registered instead of skipping it.
      if all_listed; then
        echo "Search attributes already registered"
        break
      fi
      ;;
  esac
  if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
    echo "$output" >&2
    echo "Could not register search attributes in $NAMESPACE after $attempt attempts" >&2
    exit 1
  fi
  echo "Not registered yet (attempt $attempt/$MAX_ATTEMPTS): $output"
  attempt=$((attempt + 1))
  sleep 2
done

attempt=1
until all_listed; do
  if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
    echo "Search attributes were registered but are still not all listed in $NAMESPACE:" >&2
    echo "$listing" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  sleep 2
done
echo "Search attributes registered in $NAMESPACE:"
temporal operator search-attribute list --namespace "$NAMESPACE" --address "$ADDRESS"
