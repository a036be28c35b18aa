package graph

import (
	"context"

	"carejourney/graph/access"
	"carejourney/graph/middleware"
	"carejourney/graph/model"
	"carejourney/server/auth"
)

// viewerModel is the Viewer of a session.
func viewerModel(v *auth.Viewer) *model.Viewer {
	return &model.Viewer{User: v.User, SessionExpiresAt: &v.ExpiresAt,
		IsTotpEnabled: v.User.TOTPEnabled(), IsTotpEnrollmentRequired: v.TOTPEnrollmentRequired}
}

// signedInViewer is the viewer of a sign-in's payload: viewer's account,
// read with a guard of its own.
func signedInViewer(ctx context.Context, viewer *auth.Viewer) *model.Viewer {
	v := viewerModel(viewer)
	v.Guard = access.From(ctx).For(auth.Actor{Viewer: viewer})
	return v
}

// auditSignIn notes the outcome of a sign-in in the request's audit trail.
func auditSignIn(ctx context.Context, viewer *auth.Viewer, err error) {
	middleware.AuditSignIn(ctx, viewer, err)
}
