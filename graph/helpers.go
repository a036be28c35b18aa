package graph

import (
	"carejourney/graph/model"
	"carejourney/server/auth"
)

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func viewerModel(v *auth.Viewer) *model.Viewer {
	return &model.Viewer{User: v.User, SessionExpiresAt: v.ExpiresAt}
}
