# shellcheck shell=bash
# The local identity provider: its signing keys in $STATE/jwt (never committed), the tokens they
# sign and the JWKS endpoint the services read them from. deploy/topology's SigningKeys and
# LocalTokens do the work (jwt/keys/KID.pem, jwt/signing.kid, jwt/keys/KID.retired, jwt/jwks.json).

# the first signing key and its JWKS (an older state folder's single key pair is kept as it is)
generate_keys() { launcher_commands jwks "$STATE" >/dev/null; }

# The local identity provider's JWKS endpoint, which services read their keys from (by kid)
start_jwks() {
  alive jwks && return 0
  : >"$LOGS/jwks.log"
  nohup java -Xmx24m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$(topology_jar)" \
    org.assistance.topology.tokens.JwksEndpoint "$(jwks_port)" "$STATE/jwt/jwks.json" >>"$LOGS/jwks.log" 2>&1 &
  echo $! >"$PIDS/jwks.pid"
  wait_port jwks "$(jwks_port)" 60
}

# A signed JWT for a role (validated as the services would: roles, agency/donor claims, 1-12 hours)
cmd_token() { launcher_commands token "$STATE" "$@"; }

# A new signing key, published in the JWKS before it signs anything; the previous key stays
# published until the last token it signed has expired, so no token is refused on the way. The
# services read the JWKS again on the first token with the new kid: no restart.
cmd_rotate_keys() { launcher_commands rotate-keys "$STATE" "$(jwks_url)"; }

cmd_jwks() { launcher_commands jwks "$STATE"; }
