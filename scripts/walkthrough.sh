#!/usr/bin/env bash
# The integration guide, step by step, with curl against a running Avance (scripts/run):
# onboard and sign a borrower, add an SDD repayment method, read the credit line, request a loan
# (and replay it), follow its payments, get its repayment details, move its repayment date; then
# a second borrower repaying by transfer (SCT), reconciled from the loan's reference until CLOSED.
# Prints every request and answer; stops with a non-zero exit code on any unexpected status.
#
#   AVANCE_URL      where Avance answers (default http://localhost:8080)
#   AVANCE_API_KEY  a sandbox key, avk_test_... (default: the demo platform's, in .avance/demo-api-key)
#   AVANCE_WALKTHROUGH_DIR  where the loan's contract and the bill are saved as PDFs
#                   (default .avance/walkthrough)
#
# Every run onboards fresh companies, so it can run again against the same instance.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
URL="${AVANCE_URL:-http://localhost:8080}"
URL="${URL%/}"
KEY="${AVANCE_API_KEY:-}"
key_file="${AVANCE_HOME:-$root/.avance}/demo-api-key"
if [ -z "$KEY" ] && [ -f "$key_file" ]; then
  KEY="$(tr -d '[:space:]' <"$key_file")"
fi
if [ -z "$KEY" ]; then
  echo "Set AVANCE_API_KEY, or start Avance once with scripts/run so that $key_file exists." >&2
  exit 2
fi
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
STATUS=""
RESPONSE=""

pretty() {
  local text
  text="$(cat)"
  [ -n "$text" ] || return 0
  if command -v jq >/dev/null; then
    jq . <<<"$text" 2>/dev/null || printf '%s\n' "$text"
  else
    python3 -m json.tool <<<"$text" 2>/dev/null || printf '%s\n' "$text"
  fi
}

# call EXPECTED_STATUS METHOD PATH [JSON_BODY]: prints the request and the answer, keeps the
# answer in STATUS and RESPONSE, and stops the walkthrough if the status is not the expected one.
call() {
  local expected="$1" method="$2" path="$3" body="${4:-}"
  echo
  echo ">>> $method $path"
  [ -z "$body" ] || pretty <<<"$body"
  send "$method" "$path" "$body"
  echo "<<< $STATUS"
  pretty <<<"$RESPONSE"
  if [ "$STATUS" != "$expected" ]; then
    echo "!!! $method $path answered $STATUS, expected $expected" >&2
    exit 1
  fi
}

# send METHOD PATH [JSON_BODY]: the request alone, quietly (for polling).
send() {
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS -o "$tmp/body" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $KEY")
  if [ -n "$body" ]; then
    args+=(-H 'Content-Type: application/json' --data "$body")
  fi
  STATUS="$(curl "${args[@]}" "$URL$path")"
  RESPONSE="$(cat "$tmp/body")"
}

# field a.b.c: a value of the last answer ("" when null or absent).
field() {
  python3 -c '
import json, sys
value = json.loads(sys.stdin.read())
for key in sys.argv[1].split("."):
    value = value[int(key)] if isinstance(value, list) else (value or {}).get(key)
print("" if value is None else value)' "$1" <<<"$RESPONSE"
}

expect() {
  local name="$1" actual="$2" wanted="$3"
  if [ "$actual" != "$wanted" ]; then
    echo "!!! $name is '$actual', expected '$wanted'" >&2
    exit 1
  fi
}

# await_loan ID STATUS: polls the loan (quietly) until it reaches STATUS, then shows it.
await_loan() {
  local id="$1" wanted="$2" status="" deadline=$((SECONDS + 90))
  echo
  echo "... polling GET /loan/$id until its status is $wanted"
  while [ "$SECONDS" -lt "$deadline" ]; do
    send GET "/loan/$id"
    [ "$STATUS" = 200 ] || { echo "!!! GET /loan/$id answered $STATUS" >&2; exit 1; }
    status="$(field status)"
    [ "$status" = "$wanted" ] && break
    case "$status" in
      DECLINED | CANCELED | ISSUE_DETECTED)
        echo "!!! the loan ended $status: $RESPONSE" >&2
        exit 1
        ;;
    esac
    sleep 1
  done
  expect "the loan's status" "$status" "$wanted"
  call 200 GET "/loan/$id"
}

step() {
  echo
  echo "=== $*"
}

# A valid SIREN (Luhn) that the simulated registry finds eligible with the top revenue band: its
# 3rd and 4th digits are 00 (eligible) and its 5th is 9 (EUR 20M revenue, the largest line).
fresh_siren() {
  local payload sum=0 i digit
  payload="$((RANDOM % 9 + 1))$((RANDOM % 10))009$(printf '%03d' $((RANDOM % 1000)))"
  for ((i = 0; i < 8; i++)); do
    digit="${payload:$((7 - i)):1}"
    if ((i % 2 == 0)); then
      digit=$((digit * 2))
      ((digit > 9)) && digit=$((digit - 9))
    fi
    sum=$((sum + digit))
  done
  echo "$payload$(((10 - sum % 10) % 10))"
}

# Dates as the API counts them, in Europe/Paris.
day() { TZ=Europe/Paris date -d "$1" +%F; }
TODAY="$(day today)"
SIGNED_AT="$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)"
RUN="$(date -u +%Y%m%d%H%M%S)-$RANDOM"
IBAN="FR1420041010050500013M02606"
BIC="PSSTFRPPPAR"

step "0. Avance is up"
echo ">>> GET /readyz"
if ! curl -fsS "$URL/readyz" >"$tmp/health"; then
  echo "!!! Avance does not answer at $URL: start it with scripts/run" >&2
  exit 1
fi
pretty <"$tmp/health"

step "1. Onboard the borrower with its registration number (SIREN)"
SIREN="$(fresh_siren)"
call 201 POST /borrowers \
  "{\"identifier\":\"$SIREN\",\"country\":\"FRA\",\"name\":\"Walkthrough SDD SAS\",\"wait_for_ready\":true}"
BORROWER="$(field id)"
expect "the borrower's status" "$(field status)" TO_SIGN

step "2. The borrower accepted the T&Cs: sign, and wait for the credit line"
call 200 POST "/borrower/$BORROWER/sign" "{\"signed_at\":\"$SIGNED_AT\",\"wait_for_ready\":true}"
expect "the borrower's status" "$(field status)" READY

step "3. Enable SEPA Direct Debit repayments"
call 201 POST "/borrower/$BORROWER/repayment-methods" "$(
  cat <<JSON
{"payment_method":"DIRECT_DEBIT",
 "from_account":{"account_number":"$IBAN","bank_identifier":"$BIC"},
 "business_email":"cfo@walkthrough.test",
 "legal_representative":{"birth_date":"1980-05-17","nationality":"FRA","country_of_residence":"FRA"},
 "is_default_repayment_method":true}
JSON
)"

step "4. Show \"Cash in now\" only to eligible users: check the credit line"
call 200 GET "/borrower/$BORROWER/credit-line"
echo "available_amount: $(field available_amount) cents"

step "5. The user selects an invoice: request a loan (salt_id against duplicates)"
SALT="walkthrough-$RUN-sdd"
LOAN_REQUEST="$(
  cat <<JSON
{"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"$BORROWER","amount":50000,
 "invoice":{"number":"INV-$RUN-1","amount":100000,"issue_date":"$(day '-2 days')",
            "due_date":"$(day '+60 days')","debtor":{"name":"Debtor SA","identifier":"732829320"}},
 "to_account":{"account_number":"$IBAN"},
 "loan_to":{"account_number":"$IBAN","bank_identifier":"$BIC"},
 "to_pay_at":"$TODAY","to_repay_at":"$(day '+30 days')",
 "auto_validate":true,"salt_id":"$SALT","wait_for_validation":true}
JSON
)"
call 201 POST /loans "$LOAN_REQUEST"
LOAN="$(field id)"

step "6. A retry with the same salt_id answers the same loan"
call 201 POST /loans "$LOAN_REQUEST"
expect "the replayed loan's id" "$(field id)" "$LOAN"

step "7. Check the loan's payment status"
await_loan "$LOAN" TO_REPAY
call 200 GET "/payments?loan_id=$LOAN"
expect "the payout's status" "$(field data.0.payment_type)/$(field data.0.status)" PAYOUT/PAID

step "8. Get the repayment details (virtual IBAN and the reference to quote)"
call 200 GET "/loan/$LOAN/repayment-details"

step "8b. The loan's contract, generated when the loan was VALIDATED (a PDF, also mailed to the borrower)"
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ]; do
  send GET "/loan/$LOAN/documents"
  if [ "$STATUS" = 200 ] && [ -n "$(field data.0.url)" ]; then
    break
  fi
  sleep 1
done
call 200 GET "/loan/$LOAN/documents"
CONTRACT_URL="$(field data.0.url)"
expect "the contract's kind" "$(field data.0.kind)" LOAN_CONTRACT
OUT="${AVANCE_WALKTHROUGH_DIR:-${AVANCE_HOME:-$root/.avance}/walkthrough}"
mkdir -p "$OUT"
save_pdf() {
  local path="$1" file="$2" status
  status="$(curl -sS -o "$file" -w '%{http_code}' -H "Authorization: Bearer $KEY" "$URL$path")"
  echo
  echo ">>> GET $path"
  echo "<<< $status"
  expect "GET $path" "$status" 200
  expect "the PDF's first bytes" "$(head -c 5 "$file")" "%PDF-"
  echo "Saved $URL$path to $file"
}
echo
echo "Contract: $URL$CONTRACT_URL"
save_pdf "$CONTRACT_URL" "$OUT/contract-$LOAN.pdf"

step "9. Modify the repayment date (within 120 days)"
call 200 PATCH "/loan/$LOAN" "{\"to_repay_at\":\"$(day '+45 days')\"}"
expect "the new repayment date" "$(field to_repay_at)" "$(day '+45 days')"

step "10. A borrower repaying by SEPA Credit Transfer (no repayment method needed)"
SIREN="$(fresh_siren)"
call 201 POST /borrowers \
  "{\"identifier\":\"$SIREN\",\"name\":\"Walkthrough SCT SAS\",\"signed_at\":\"$SIGNED_AT\",\"wait_for_ready\":true}"
SCT_BORROWER="$(field id)"
expect "the borrower's status" "$(field status)" READY
call 201 POST /loans "$(
  cat <<JSON
{"loan_type":"INVOICE_BASED_FINANCING","borrower_id":"$SCT_BORROWER","amount":30000,
 "invoice":{"number":"INV-$RUN-2","amount":30000},
 "loan_to":{"account_number":"$IBAN","bank_identifier":"$BIC"},
 "to_pay_at":"$TODAY","to_repay_at":"$(day '+20 days')",
 "salt_id":"walkthrough-$RUN-sct","wait_for_validation":true}
JSON
)"
SCT_LOAN="$(field id)"
await_loan "$SCT_LOAN" TO_REPAY
call 200 GET "/loan/$SCT_LOAN/repayment-details"
TO_IBAN="$(field account_number)"
REFERENCE="$(field reference)"
AMOUNT_DUE="$(field amount_due)"

step "11. The borrower transfers the amount due quoting the reference (sandbox: the bank simulator receives it)"
call 202 POST /sandbox/incoming-transfers \
  "{\"to_iban\":\"$TO_IBAN\",\"amount\":$AMOUNT_DUE,\"remittance_information\":\"Repayment $REFERENCE\"}"
CREDIT_REFERENCE="$(field bank_reference)"

step "12. The bank notifies Avance with a camt.054; reconciliation is automatic: the loan closes"
await_loan "$SCT_LOAN" CLOSED
call 200 GET "/payments?loan_id=$SCT_LOAN"
if [ -n "${AVANCE_OPERATOR_API_KEY:-}" ]; then
  # What operators see: the camt.054 that carried the transfer, and the credit it recorded.
  PLATFORM_KEY="$KEY"
  KEY="$AVANCE_OPERATOR_API_KEY"
  call 200 GET "/ops/incoming-credit/$CREDIT_REFERENCE"
  call 200 GET "/ops/bank/messages?direction=IN&channel=SANDBOX&page_size=3"
  KEY="$PLATFORM_KEY"
fi

step "13. Billing: interest is billed monthly, one bill per payer with one line per loan"
# The billing-monthly Schedule bills the previous month on the 1st; an operator can bill a period
# now (a period in progress is billed up to today). Needs the operator key.
PERIOD="$(date +%Y-%m)"
if [ -n "${AVANCE_OPERATOR_API_KEY:-}" ]; then
  PLATFORM_KEY="$KEY"
  KEY="$AVANCE_OPERATOR_API_KEY"
  echo
  echo ">>> POST /ops/billing-runs (operator key)"
  send POST /ops/billing-runs "{\"period\":\"$PERIOD\"}"
  echo "<<< $STATUS"
  pretty <<<"$RESPONSE"
  KEY="$PLATFORM_KEY"
  case "$STATUS" in
    200 | 202) ;;
    *)
      echo "!!! POST /ops/billing-runs answered $STATUS" >&2
      exit 1
      ;;
  esac
  for _ in $(seq 1 60); do
    send GET "/bills?period=$PERIOD"
    if [ "$STATUS" = 200 ] && python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["data"] else 1)' <<<"$RESPONSE"; then
      break
    fi
    sleep 1
  done
  call 200 GET "/bills?period=$PERIOD"
  BILL="$(python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])' <<<"$RESPONSE")"
  call 200 GET "/bill/$BILL"
  save_pdf "/bill/$BILL/document" "$OUT/bill-$BILL.pdf"
else
  echo "(AVANCE_OPERATOR_API_KEY is not set: the bills appear after the 1st of next month)"
  call 200 GET "/bills?period=$PERIOD"
fi

echo
echo "Walkthrough complete: SDD loan $LOAN, SCT loan $SCT_LOAN (CLOSED)."
