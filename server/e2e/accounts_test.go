package e2e

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"carejourney/graph/access"
	"carejourney/graph/globalid"
	"carejourney/server/app"
	"carejourney/server/audit"
	"carejourney/server/auth"
	"carejourney/server/config"
	"carejourney/server/domain"
	"carejourney/server/testdb"
)

// Accounts: password changes and resets, session rotation, two-factor
// sign-in, key expiry, and the throttle on every password check.

const (
	accountsSignIn = `mutation($in: SignInInput!) { signIn(input: $in) {
		viewer { user { email } isTotpEnabled isTotpEnrollmentRequired } userErrors { code field message } } }`
	accountsChange = `mutation($in: ChangePasswordInput!) { changePassword(input: $in) { user { id } userErrors { code field message } } }`
	accountsIssue  = `mutation($in: IssuePasswordResetInput!) { issuePasswordReset(input: $in) {
		user { id email } resetUrl expiresAt userErrors { code field message } } }`
	accountsReset   = `mutation($in: ResetPasswordInput!) { resetPassword(input: $in) { userErrors { code field message } } }`
	accountsBegin   = `mutation { beginTotpEnrollment { user { id } secret otpauthUri userErrors { code field message } } }`
	accountsConfirm = `mutation($code: String!) { confirmTotpEnrollment(input: {code: $code}) {
		user { id } recoveryCodes userErrors { code field message } } }`
	accountsDisable = `mutation($in: DisableTotpInput!) { disableTotp(input: $in) { user { id } userErrors { code field message } } }`
	accountsMembers = `{ members(first: 1) { totalCount } }`
)

// accountsSignInWith signs in on c and returns the response.
func accountsSignInWith(c *client, in vars) *response {
	c.t.Helper()
	r := c.do(accountsSignIn, vars{"in": in})
	r.noErrors(c.t)
	return r
}

// sessionCookie is the session cookie c holds now.
func (c *client) sessionCookie(t testing.TB) string {
	t.Helper()
	u, _ := url.Parse(c.base)
	for _, k := range c.http.Jar.Cookies(u) {
		if k.Name == auth.CookieName {
			return k.Value
		}
	}
	return ""
}

// withCookie is a fresh client that sends the session cookie token.
func (s *server) withCookie(t testing.TB, token string) *client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	u, _ := url.Parse(s.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: auth.CookieName, Value: token, Path: "/"}})
	return &client{t: t, base: s.URL, http: &http.Client{Jar: jar, Timeout: 30 * time.Second}}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func encodeUser(id int64) string { return globalid.EncodeInt(globalid.TypeUser, id) }

// accountsEvents are the audit events of the request that gave r.
func accountsEvents(t *testing.T, s *server, r *response) []*audit.Event {
	t.Helper()
	return auditOf(t, s, r)
}

func TestChangePassword(t *testing.T) {
	s := startServer(t, nil)
	s.createUser(t, "cam@test.example", "correct horse battery", domain.RoleClinician)
	laptop := s.signInAs(t, "cam@test.example", "correct horse battery")
	phone := s.signInAs(t, "cam@test.example", "correct horse battery")
	camID := auditUserID(t, laptop)

	for _, tc := range []struct {
		in          vars
		code, field string
	}{
		{vars{"currentPassword": "not the password", "newPassword": "a brand new passphrase"}, "INVALID_CREDENTIALS", "currentPassword"},
		{vars{"currentPassword": "correct horse battery", "newPassword": "short"}, "INVALID_INPUT", "newPassword"},
	} {
		r := laptop.do(accountsChange, vars{"in": tc.in})
		r.noErrors(t)
		groupsWantUserError(t, r, "changePassword", tc.code, "input", tc.field)
	}
	r := laptop.do(accountsChange, vars{"in": vars{"currentPassword": "correct horse battery", "newPassword": "a brand new passphrase"}})
	familyNoUserErrors(t, r, "changePassword")
	if got := auditSummary(accountsEvents(t, s, r)); !slices.Equal(got, []string{"WRITE m0 User:" + itoa(camID) + " changePassword"}) {
		t.Errorf("audit %v", got)
	}
	// The session that changed it goes on; every other one ended.
	laptop.do(accountsMembers, nil).noErrors(t)
	if codes := phone.do(accountsMembers, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
		t.Errorf("other session after the change: %v", codes)
	}
	if codes := accountsSignInWith(s.client(t), vars{"email": "cam@test.example", "password": "correct horse battery"}).userErrorCodes(t, "signIn"); !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
		t.Errorf("old password: %v", codes)
	}
	s.signInAs(t, "cam@test.example", "a brand new passphrase")
}

// Wrong current passwords count toward the sign-in throttle: a stolen
// session cannot guess the password it would need to take the account.
func TestChangePasswordThrottled(t *testing.T) {
	s := startServer(t, nil)
	c := s.signedIn(t, domain.RoleCaseManager)
	wrong := vars{"in": vars{"currentPassword": "a guess at it", "newPassword": "a brand new passphrase"}}
	for range 5 {
		groupsWantUserError(t, c.do(accountsChange, wrong), "changePassword", "INVALID_CREDENTIALS", "input", "currentPassword")
	}
	right := vars{"in": vars{"currentPassword": "correct horse battery", "newPassword": "a brand new passphrase"}}
	if codes := c.do(accountsChange, right).userErrorCodes(t, "changePassword"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Fatalf("after 5 wrong: %v", codes)
	}
}

func TestPasswordReset(t *testing.T) {
	s := startServer(t, map[string]string{"PUBLIC_URL": "https://care.example.org"})
	admin := s.signedIn(t, domain.RoleAdmin)
	s.createUser(t, "pat@test.example", "correct horse battery", domain.RolePeerSupporter)
	pat := s.signInAs(t, "pat@test.example", "correct horse battery")
	patID := pat.do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")

	issue := func() (*response, string) {
		r := admin.do(accountsIssue, vars{"in": vars{"userId": patID}})
		familyNoUserErrors(t, r, "issuePasswordReset")
		link := r.str(t, "issuePasswordReset.resetUrl")
		token, ok := strings.CutPrefix(link, "https://care.example.org/reset-password#token=")
		if !ok || len(token) != 43 || r.str(t, "issuePasswordReset.user.email") != "pat@test.example" {
			t.Fatalf("link %q, data %v", link, r.Data)
		}
		if exp := groupsTime(t, r.get(t, "issuePasswordReset.expiresAt")); exp.Sub(time.Now()) < 23*time.Hour || exp.Sub(time.Now()) > 25*time.Hour {
			t.Fatalf("expires %v", exp)
		}
		return r, token
	}
	r, first := issue()
	if got := auditSummary(accountsEvents(t, s, r)); !slices.Equal(got, []string{"WRITE m0 User:" + itoa(decodeID(t, patID)) + " issuePasswordReset"}) {
		t.Errorf("issue audit %v", got)
	}
	// Only the hash is stored.
	var stored int
	if err := s.Store.DB().NewRaw(`SELECT count(*) FROM password_resets WHERE token_hash = ?`, auth.HashToken(first)).Scan(context.Background(), &stored); err != nil || stored != 1 {
		t.Fatalf("stored %d (%v)", stored, err)
	}
	_, second := issue()

	anon := s.client(t)
	reset := func(token, password string) *response {
		r := anon.do(accountsReset, vars{"in": vars{"token": token, "newPassword": password}})
		r.noErrors(t)
		return r
	}
	// The newer link voids the older; a weak password burns nothing.
	groupsWantUserError(t, reset(first, "a fresh passphrase"), "resetPassword", "RESET_INVALID", "input", "token")
	groupsWantUserError(t, reset(second, "short"), "resetPassword", "INVALID_INPUT", "input", "newPassword")
	groupsWantUserError(t, reset("not a token", "a fresh passphrase"), "resetPassword", "RESET_INVALID", "input", "token")
	r = reset(second, "a fresh passphrase")
	familyNoUserErrors(t, r, "resetPassword")
	// The audit names the account, though the caller is anonymous.
	events := accountsEvents(t, s, r)
	if len(events) != 1 || events[0].ActorKind != audit.ActorAnonymous || events[0].ObjectType != "User" || events[0].ObjectID != decodeID(t, patID) {
		t.Errorf("reset audit %v", auditSummary(events))
	}
	// Every session of the account ended; the new password works, the old not.
	if codes := pat.do(accountsMembers, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
		t.Errorf("session after the reset: %v", codes)
	}
	groupsWantUserError(t, reset(second, "another passphrase"), "resetPassword", "RESET_INVALID", "input", "token")
	s.signInAs(t, "pat@test.example", "a fresh passphrase")

	// An expired link.
	_, third := issue()
	if _, err := s.Store.DB().NewRaw(`UPDATE password_resets SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE token_hash = ?`,
		auth.HashToken(third)).Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	groupsWantUserError(t, reset(third, "yet another passphrase"), "resetPassword", "RESET_INVALID", "input", "token")

	// A deactivated account gets no link; an unknown one neither.
	admin.do(`mutation($id: ID!) { deactivateUser(input: {userId: $id}) { userErrors { code } } }`, vars{"id": patID}).noErrors(t)
	groupsWantUserError(t, admin.do(accountsIssue, vars{"in": vars{"userId": patID}}), "issuePasswordReset", "INVALID_INPUT", "input", "userId")
	groupsWantUserError(t, admin.do(accountsIssue, vars{"in": vars{"userId": "VXNlcjo5OTk5OTk5OTk"}}), "issuePasswordReset", "NOT_FOUND", "input", "userId")
}

// Twenty people use one reset link at the same moment: one sets the
// password, nineteen get RESET_INVALID, and the winner's password is the
// one that works.
func TestPasswordResetSingleUseUnderConcurrency(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	s.createUser(t, "lee@test.example", "correct horse battery", domain.RoleHouseManager)
	leeID := s.signInAs(t, "lee@test.example", "correct horse battery").do(`{ viewer { user { id } } }`, nil).str(t, "viewer.user.id")
	r := admin.do(accountsIssue, vars{"in": vars{"userId": leeID}})
	familyNoUserErrors(t, r, "issuePasswordReset")
	_, token, _ := strings.Cut(r.str(t, "issuePasswordReset.resetUrl"), "#token=")

	const n = 20
	results := make([]*response, n)
	passwords := make([]string, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		passwords[i] = "passphrase number " + itoa(int64(i))
		c := s.client(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			results[i] = c.do(accountsReset, vars{"in": vars{"token": token, "newPassword": passwords[i]}})
		}()
	}
	close(start)
	wg.Wait()
	winner := -1
	invalid := 0
	for i, r := range results {
		if len(r.Errors) > 0 {
			t.Fatalf("errors %+v", r.Errors)
		}
		switch codes := r.userErrorCodes(t, "resetPassword"); {
		case len(codes) == 0:
			if winner >= 0 {
				t.Fatalf("two resets won: %d and %d", winner, i)
			}
			winner = i
		case slices.Equal(codes, []string{"RESET_INVALID"}):
			invalid++
		default:
			t.Fatalf("reset %d: %v", i, codes)
		}
	}
	if winner < 0 || invalid != n-1 {
		t.Fatalf("winner %d, %d refused", winner, invalid)
	}
	t.Logf("%d concurrent uses of one link: 1 won, %d RESET_INVALID", n, invalid)
	s.signInAs(t, "lee@test.example", passwords[winner])
}

// An old session id never survives a sign-in: signing in on a browser that
// holds a session ends that session, whoever signs in.
func TestSignInRotatesSession(t *testing.T) {
	s := startServer(t, nil)
	s.createUser(t, "ada@test.example", "correct horse battery", domain.RoleCaseManager)
	s.createUser(t, "bo@test.example", "correct horse battery", domain.RoleClinician)
	c := s.signInAs(t, "ada@test.example", "correct horse battery")
	old := c.sessionCookie(t)
	if old == "" {
		t.Fatal("no session cookie")
	}
	s.withCookie(t, old).do(accountsMembers, nil).noErrors(t)
	for _, email := range []string{"ada@test.example", "bo@test.example"} {
		accountsSignInWith(c, vars{"email": email, "password": "correct horse battery"})
		now := c.sessionCookie(t)
		if now == "" || now == old {
			t.Fatalf("sign-in as %s kept the session id", email)
		}
		if codes := s.withCookie(t, old).do(accountsMembers, nil).errorCodes(); !slices.Equal(codes, []string{"UNAUTHENTICATED"}) {
			t.Fatalf("the old cookie after signing in as %s: %v", email, codes)
		}
		c.do(accountsMembers, nil).noErrors(t)
		old = now
	}
	var open int
	if err := s.Store.DB().NewRaw(`SELECT count(*) FROM sessions WHERE ended_at IS NULL`).Scan(context.Background(), &open); err != nil || open != 1 {
		t.Fatalf("%d sessions open (%v)", open, err)
	}
}

// totpCode is the code of secret at now+offset, from the library.
func totpCode(t testing.TB, secret string, offset time.Duration) string {
	t.Helper()
	code, err := totp.GenerateCode(secret, time.Now().Add(offset))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// accountsEnroll enrolls c's account and returns its secret and recovery codes.
func accountsEnroll(t *testing.T, c *client) (string, []string) {
	t.Helper()
	r := c.do(accountsBegin, nil)
	familyNoUserErrors(t, r, "beginTotpEnrollment")
	secret := r.str(t, "beginTotpEnrollment.secret")
	uri, err := url.Parse(r.str(t, "beginTotpEnrollment.otpauthUri"))
	if err != nil || uri.Scheme != "otpauth" || uri.Host != "totp" || uri.Query().Get("secret") != secret {
		t.Fatalf("uri %q", r.str(t, "beginTotpEnrollment.otpauthUri"))
	}
	wrong := c.do(accountsConfirm, vars{"code": totpCode(t, secret, -10*time.Minute)})
	groupsWantUserError(t, wrong, "confirmTotpEnrollment", "TOTP_INVALID", "input", "code")
	r = c.do(accountsConfirm, vars{"code": totpCode(t, secret, 0)})
	familyNoUserErrors(t, r, "confirmTotpEnrollment")
	var codes []string
	for _, v := range r.list(t, "confirmTotpEnrollment.recoveryCodes") {
		codes = append(codes, v.(string))
	}
	if len(codes) != domain.RecoveryCodeCount {
		t.Fatalf("recovery codes %v", codes)
	}
	return secret, codes
}

// An admin (TOTP_REQUIRED_ROLES=ADMIN, the default) without TOTP signs in
// to a session that may only enroll: every root field of the access matrix
// (which covers every root field of the schema) is refused with
// TOTP_ENROLLMENT_REQUIRED but those open during enrollment. Then it
// enrolls, and sign-in asks for codes.
func TestTOTPEnrollmentRequired(t *testing.T) {
	s := startServer(t, map[string]string{"TOTP_REQUIRED_ROLES": "ADMIN"})
	s.createUser(t, "root@test.example", "correct horse battery", domain.RoleAdmin)
	c := s.client(t)
	r := accountsSignInWith(c, vars{"email": "root@test.example", "password": "correct horse battery"})
	if r.get(t, "signIn.viewer.isTotpEnrollmentRequired") != true || r.get(t, "signIn.viewer.isTotpEnabled") != false {
		t.Fatalf("sign-in: %v", r.Data)
	}
	dummy := vars{}
	for _, k := range []string{"member", "episode", "plan", "goal", "commitment", "checkIn", "assessment", "update", "house",
		"residency", "group", "meeting", "peer", "assignment", "conversation", "user", "contact", "consent", "sharedMember", "apiKey"} {
		dummy[k] = "TWVtYmVyOjE"
	}
	refused, open := 0, 0
	for _, op := range matrixOps() {
		root, _, _ := strings.Cut(op.root, ".")
		kind := "Query"
		if strings.HasPrefix(strings.TrimSpace(op.doc), "mutation") {
			kind = "Mutation"
		}
		if access.OpenDuringEnrollment[kind+"."+root] {
			open++
			continue // signIn and signOut would change the session; viewer is read below
		}
		doc := strings.Replace(op.doc, "("+matrixParams+")", "("+usedParams(op.doc)+")", 1)
		doc = strings.Replace(strings.Replace(doc, "query() ", "query ", 1), "mutation() ", "mutation ", 1)
		v := vars{}
		for k, val := range dummy {
			if strings.Contains(doc, "$"+k) {
				v[k] = val
			}
		}
		res := c.do(doc, v)
		if codes := res.errorCodes(); !slices.Contains(codes, "TOTP_ENROLLMENT_REQUIRED") || lookupPath(res.Data, root) != nil {
			t.Errorf("%s (%s) while enrollment is required: codes %v, data %v", op.name, kind, codes, res.Data)
		}
		refused++
	}
	t.Logf("while enrolling: %d matrix rows refused, %d open", refused, open)
	// Refusals are audited as denials.
	denied := c.do(accountsMembers, nil)
	if events := accountsEvents(t, s, denied); len(events) != 1 || events[0].Action != audit.ActionDenied {
		t.Errorf("refusal audit %v", auditSummary(events))
	}

	secret, recovery := accountsEnroll(t, c)
	r = c.do(`{ viewer { isTotpEnabled isTotpEnrollmentRequired } members(first: 1) { totalCount } }`, nil)
	r.noErrors(t)
	if r.get(t, "viewer.isTotpEnabled") != true || r.get(t, "viewer.isTotpEnrollmentRequired") != false {
		t.Fatalf("after enrolling: %v", r.Data)
	}
	// Enrolling again needs disabling first.
	if codes := c.do(accountsBegin, nil).userErrorCodes(t, "beginTotpEnrollment"); !slices.Equal(codes, []string{"TOTP_ALREADY_ENABLED"}) {
		t.Errorf("second enrollment: %v", codes)
	}

	signIn := func(extra vars) *response {
		in := vars{"email": "root@test.example", "password": "correct horse battery"}
		for k, v := range extra {
			in[k] = v
		}
		return accountsSignInWith(s.client(t), in)
	}
	want := func(r *response, code, field string) {
		t.Helper()
		groupsWantUserError(t, r, "signIn", code, "input", field)
		if r.get(t, "signIn.viewer") != nil || r.Header.Get("Set-Cookie") != "" {
			t.Fatalf("refused sign-in signed in: %v", r.Data)
		}
	}
	want(signIn(nil), "TOTP_REQUIRED", "totpCode")
	want(signIn(vars{"totpCode": totpCode(t, secret, -5*time.Minute)}), "TOTP_INVALID", "totpCode")
	// A wrong password with a code is still a wrong password.
	wrongPassword := accountsSignInWith(s.client(t), vars{"email": "root@test.example", "password": "not it", "totpCode": totpCode(t, secret, 0)})
	if codes := wrongPassword.userErrorCodes(t, "signIn"); !slices.Equal(codes, []string{"INVALID_CREDENTIALS"}) {
		t.Errorf("wrong password with a code: %v", codes)
	}
	// The confirmation used the current step: the next one (one step of
	// drift) signs in, once.
	next := totpCode(t, secret, 30*time.Second)
	ok := signIn(vars{"totpCode": next})
	if ok.get(t, "signIn.viewer.isTotpEnabled") != true {
		t.Fatalf("sign-in with a code: %v", ok.Data)
	}
	want(signIn(vars{"totpCode": next}), "TOTP_INVALID", "totpCode")
	// Recovery codes work once each, whatever the case and dashes.
	if signIn(vars{"recoveryCode": strings.ToLower(strings.ReplaceAll(recovery[0], "-", " "))}).get(t, "signIn.viewer") == nil {
		t.Fatal("recovery code refused")
	}
	want(signIn(vars{"recoveryCode": recovery[0]}), "TOTP_INVALID", "recoveryCode")

	// The failures were audited as failed sign-ins of the account.
	var failed int
	if err := s.Store.DB().NewRaw(`SELECT count(*) FROM audit_events WHERE action = 'SIGN_IN_FAILED' AND actor_user_id = (SELECT id FROM users WHERE email = 'root@test.example')`).
		Scan(context.Background(), &failed); err != nil || failed != 5 {
		t.Errorf("%d failed sign-ins audited (%v)", failed, err)
	}

	// Wrong codes count toward the throttle like wrong passwords (one
	// failure, the replayed recovery code, is counted already)...
	for range 4 {
		want(signIn(vars{"totpCode": totpCode(t, secret, -10*time.Minute)}), "TOTP_INVALID", "totpCode")
	}
	if codes := signIn(vars{"recoveryCode": recovery[1]}).userErrorCodes(t, "signIn"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Fatalf("after 5 failures: %v", codes)
	}
	// ... and the lockout covers the codes that would turn TOTP off.
	if codes := c.do(accountsDisable, vars{"in": vars{"recoveryCode": recovery[2]}}).userErrorCodes(t, "disableTotp"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Fatalf("disableTotp while locked out: %v", codes)
	}

	// Another admin: disabling one's own needs a code; then the role's
	// requirement holds the session to enrolling again.
	s.createUser(t, "root2@test.example", "correct horse battery", domain.RoleAdmin)
	c2 := s.client(t)
	accountsSignInWith(c2, vars{"email": "root2@test.example", "password": "correct horse battery"})
	_, recovery2 := accountsEnroll(t, c2)
	c2.do(accountsMembers, nil).noErrors(t)
	groupsWantUserError(t, c2.do(accountsDisable, vars{"in": vars{}}), "disableTotp", "TOTP_INVALID", "input", "code")
	groupsWantUserError(t, c2.do(accountsDisable, vars{"in": vars{"recoveryCode": "AAAA-BBBB-CCCC-DDDD"}}), "disableTotp", "TOTP_INVALID", "input", "recoveryCode")
	familyNoUserErrors(t, c2.do(accountsDisable, vars{"in": vars{"recoveryCode": recovery2[0]}}), "disableTotp")
	if codes := c2.do(accountsMembers, nil).errorCodes(); !slices.Equal(codes, []string{"TOTP_ENROLLMENT_REQUIRED"}) {
		t.Errorf("after disabling: %v", codes)
	}
	var secrets, codesLeft int
	if err := s.Store.DB().NewRaw(`SELECT (SELECT count(*) FROM users WHERE totp_secret IS NOT NULL AND email = 'root2@test.example'),
		(SELECT count(*) FROM totp_recovery_codes WHERE user_id = (SELECT id FROM users WHERE email = 'root2@test.example'))`).
		Scan(context.Background(), &secrets, &codesLeft); err != nil || secrets != 0 || codesLeft != 0 {
		t.Errorf("after disabling: %d secrets, %d recovery codes (%v)", secrets, codesLeft, err)
	}
}

// A staff role outside TOTP_REQUIRED_ROLES may enroll; an admin turns off
// another account's TOTP (a lost device) without a code, nobody else can.
func TestTOTPDisabledByAdmin(t *testing.T) {
	s := startServer(t, nil) // TOTP_REQUIRED_ROLES=none
	admin := s.signedIn(t, domain.RoleAdmin)
	cm := s.signedIn(t, domain.RoleCaseManager)
	s.createUser(t, "cli@test.example", "correct horse battery", domain.RoleClinician)
	cli := s.signInAs(t, "cli@test.example", "correct horse battery")
	cliID := auditUserID(t, cli)
	secret, _ := accountsEnroll(t, cli)
	// Guessing codes to turn one's own TOTP off counts like a failed sign-in.
	for range 5 {
		groupsWantUserError(t, cli.do(accountsDisable, vars{"in": vars{"code": totpCode(t, secret, -10*time.Minute)}}),
			"disableTotp", "TOTP_INVALID", "input", "code")
	}
	if codes := cli.do(accountsDisable, vars{"in": vars{"code": totpCode(t, secret, 0)}}).userErrorCodes(t, "disableTotp"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Fatalf("after 5 wrong codes: %v", codes)
	}
	if r := admin.do(`query($id: ID!) { node(id: $id) { ... on User { isTotpEnabled } } }`, vars{"id": encodeUser(cliID)}); r.get(t, "node.isTotpEnabled") != true {
		t.Fatalf("admin reads isTotpEnabled: %v %v", r.Data, r.Errors)
	}
	if codes := cm.do(accountsDisable, vars{"in": vars{"userId": encodeUser(cliID)}}).userErrorCodes(t, "disableTotp"); !slices.Equal(codes, []string{"FORBIDDEN"}) {
		t.Errorf("a case manager disabling another's: %v", codes)
	}
	familyNoUserErrors(t, admin.do(accountsDisable, vars{"in": vars{"userId": encodeUser(cliID)}}), "disableTotp")
	groupsWantUserError(t, admin.do(accountsDisable, vars{"in": vars{"userId": encodeUser(cliID)}}), "disableTotp", "TOTP_NOT_ENABLED", "input", "userId")
	// The admin's disable needs no code and is not under cli's lockout
	// (cli's own sign-in waits for it to pass).
	if st, err := s.Store.TOTP(context.Background(), cliID); err != nil || st.EnabledAt != nil || st.Secret != "" {
		t.Fatalf("after the admin's disable: enabled %v, secret kept %v (%v)", st.EnabledAt, st.Secret != "", err)
	}
}

// A key past its expiry is refused like an unknown key, and the refusal is
// audited as a denial of that key.
func TestAPIKeyExpiry(t *testing.T) {
	s := startServer(t, nil)
	admin := s.signedIn(t, domain.RoleAdmin)
	create := `mutation($in: CreateApiKeyInput!) { createApiKey(input: $in) { apiKey { id expiresAt isActive } secret userErrors { code field message } } }`
	past := time.Now().Add(-time.Minute).UTC().Format(time.RFC3339)
	groupsWantUserError(t, admin.do(create, vars{"in": vars{"partnerName": "Lab", "scopes": []string{"DIRECTORY_READ"}, "expiresAt": past}}),
		"createApiKey", "INVALID_INPUT", "input", "expiresAt")
	soon := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	r := admin.do(create, vars{"in": vars{"partnerName": "Lab", "scopes": []string{"DIRECTORY_READ"}, "expiresAt": soon.Format(time.RFC3339)}})
	familyNoUserErrors(t, r, "createApiKey")
	if !groupsTime(t, r.get(t, "createApiKey.apiKey.expiresAt")).Equal(soon) || r.get(t, "createApiKey.apiKey.isActive") != true {
		t.Fatalf("created %v", r.Data)
	}
	secret, keyID := r.str(t, "createApiKey.secret"), decodeID(t, r.str(t, "createApiKey.apiKey.id"))
	key := s.keyClient(t, secret)
	key.do(`{ houses(first: 1) { totalCount } }`, nil).noErrors(t)

	if _, err := s.Store.DB().NewRaw(`UPDATE api_keys SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second' WHERE id = ?`, keyID).
		Exec(context.Background()); err != nil {
		t.Fatal(err)
	}
	refused := key.do(`{ houses(first: 1) { totalCount } }`, nil)
	partnerWantRefused(t, refused)
	unknown := s.keyClient(t, "cjk_"+strings.Repeat("x", 43)).do(`{ houses(first: 1) { totalCount } }`, nil)
	if unknown.Errors[0].Message != refused.Errors[0].Message {
		t.Errorf("an expired key is told apart from an unknown one: %q vs %q", refused.Errors[0].Message, unknown.Errors[0].Message)
	}
	events := accountsEvents(t, s, refused)
	if len(events) != 1 || events[0].Action != audit.ActionDenied || events[0].ActorKind != audit.ActorAPIKey || events[0].ActorKeyID != keyID {
		t.Errorf("refusal audit %+v", events)
	}
	if r := admin.do(`{ apiKeys(first: 5) { nodes { expiresAt isActive } } }`, nil); r.get(t, "apiKeys.nodes.0.isActive") != false {
		t.Errorf("listed %v", r.Data)
	}
}

// The password check of acceptInvitation (an invitation for the email of an
// existing family account, answered with that account's password) is under
// the sign-in throttle: five wrong passwords lock the account out.
func TestAcceptInvitationThrottled(t *testing.T) {
	s := startServer(t, nil)
	cm := s.signedIn(t, domain.RoleCaseManager)
	member := func(name string) string {
		return cm.do(`mutation($n: String!) { createMember(input: {firstName: $n, lastName: "Invite"}) { member { id } } }`,
			vars{"n": name}).str(t, "createMember.member.id")
	}
	_, token := familyAddAndInvite(t, cm, member("One"), "Rosa Diaz", "rosa@example.org")
	familyNoUserErrors(t, s.client(t).do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}}), "acceptInvitation")
	_, token = familyAddAndInvite(t, cm, member("Two"), "Rosa Diaz", "rosa@example.org")
	for range 5 {
		r := s.client(t).do(familyAccept, vars{"in": vars{"token": token, "password": "a guess at rosa's password"}})
		groupsWantUserError(t, r, "acceptInvitation", "HAS_ACCOUNT", "input", "password")
	}
	r := s.client(t).do(familyAccept, vars{"in": vars{"token": token, "password": familyPassword}})
	if codes := r.userErrorCodes(t, "acceptInvitation"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Fatalf("after 5 wrong: %v", codes)
	}
	// The account's own sign-in is locked out too: one count for both doors.
	if codes := accountsSignInWith(s.client(t), vars{"email": "rosa@example.org", "password": familyPassword}).userErrorCodes(t, "signIn"); !slices.Equal(codes, []string{"TOO_MANY_ATTEMPTS"}) {
		t.Fatalf("sign-in after 5 wrong: %v", codes)
	}
}

// syncBuffer is a log sink that tests read while the server writes.
type syncBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// The TOTP secret, the recovery codes, a reset token and the passwords never
// reach the server's log, at its most verbose, even through failures.
func TestAccountSecretsNotLogged(t *testing.T) {
	env := map[string]string{"DATABASE_URL": testdb.NewDatabase(t), "LISTEN_ADDR": "127.0.0.1:0", "LOG_LEVEL": "debug",
		"MILESTONE_SWEEP_INTERVAL": "0", "TOTP_REQUIRED_ROLES": "none"}
	cfg, _, err := config.Parse("serve", nil, func(k string) string { return env[k] }, nil)
	if err != nil {
		t.Fatal(err)
	}
	logs := &syncBuffer{}
	srv, err := app.Start(context.Background(), cfg, slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Shutdown(context.Background()) })
	s := &server{Server: srv, URL: "http://" + srv.Addr}
	admin := s.signedIn(t, domain.RoleAdmin)
	secret, recovery := accountsEnroll(t, admin)
	accountsSignInWith(s.client(t), vars2("admin@test.example", "correct horse battery", "totpCode", "123456"))
	accountsSignInWith(s.client(t), vars2("admin@test.example", "correct horse battery", "recoveryCode", recovery[3]))
	s.createUser(t, "kim@test.example", "correct horse battery", domain.RoleCaseManager)
	kimID := encodeUser(auditUserID(t, s.signInAs(t, "kim@test.example", "correct horse battery")))
	_, token, _ := strings.Cut(admin.do(accountsIssue, vars3("userId", kimID)).str(t, "issuePasswordReset.resetUrl"), "#token=")
	s.client(t).do(accountsReset, vars{"in": vars{"token": token, "newPassword": "kim's new passphrase"}}).noErrors(t)
	out := logs.String()
	if out == "" {
		t.Fatal("nothing logged at debug: the test proves nothing")
	}
	for _, secretText := range append([]string{secret, token, "correct horse battery", "kim's new passphrase"}, recovery...) {
		if strings.Contains(out, secretText) || strings.Contains(out, strings.ReplaceAll(secretText, "-", "")) {
			t.Errorf("the log holds %q", secretText)
		}
	}
}

func vars2(email, password, k, v string) vars {
	return vars{"email": email, "password": password, k: v}
}

func vars3(k, v string) vars { return vars{"in": vars{k: v}} }

// One TOTP code, and one recovery code, sent by ten sign-ins at the same
// moment: each signs in exactly once. (One account per race: the losers'
// failures lock the account out for a minute.)
func TestTOTPCodesSingleUseUnderConcurrency(t *testing.T) {
	s := startServer(t, nil)
	for _, kind := range []string{"totpCode", "recoveryCode"} {
		email := strings.ToLower(kind) + "@test.example"
		s.createUser(t, email, "correct horse battery", domain.RoleCaseManager)
		secret, recovery := accountsEnroll(t, s.signInAs(t, email, "correct horse battery"))
		in := vars{"email": email, "password": "correct horse battery", kind: recovery[0]}
		if kind == "totpCode" {
			in[kind] = totpCode(t, secret, 30*time.Second)
		}
		const n = 10
		results := make([]*response, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			c := s.client(t)
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				results[i] = c.do(accountsSignIn, vars{"in": in})
			}()
		}
		close(start)
		wg.Wait()
		won := 0
		var refused []string
		for _, r := range results {
			if len(r.Errors) > 0 {
				t.Fatalf("errors %+v", r.Errors)
			}
			if r.get(t, "signIn.viewer") != nil {
				won++
				continue
			}
			refused = append(refused, r.userErrorCodes(t, "signIn")...)
		}
		for _, code := range refused {
			if code != "TOTP_INVALID" && code != "TOO_MANY_ATTEMPTS" {
				t.Errorf("%s: refused with %s", kind, code)
			}
		}
		if won != 1 {
			t.Errorf("%s: %d of %d concurrent sign-ins won", kind, won, n)
		}
		t.Logf("%s: %d of %d concurrent sign-ins won; refused %v", kind, won, n, refused)
	}
}
