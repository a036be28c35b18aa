package store

import (
	"context"
	"slices"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// CareLevels returns the catalogue, most intensive first. Migrations
// write the catalogue and nothing writes it at run time, so it is read
// once per process (a release that changes it restarts the server), not
// once per request; each caller gets its own copy.
func (s *Store) CareLevels(ctx context.Context) ([]domain.CareLevel, error) {
	if cached := s.careLevels.Load(); cached != nil {
		return slices.Clone(*cached), nil
	}
	var levels []domain.CareLevel
	err := s.db.NewSelect().Model(&levels).ModelTableExpr("care_levels AS care_level").
		OrderExpr("intensity DESC, position").Scan(ctx)
	if err != nil {
		return nil, err
	}
	s.careLevels.Store(&levels)
	return slices.Clone(levels), nil
}

// EpisodesByID loads episodes by id.
func (s *Store) EpisodesByID(ctx context.Context, ids []int64) (map[int64]*domain.CareEpisode, error) {
	var rows []*domain.CareEpisode
	if err := s.db.NewSelect().Model(&rows).Where("id IN (?)", bun.List(ids)).Scan(ctx); err != nil {
		return nil, err
	}
	return indexBy(rows, func(e *domain.CareEpisode) int64 { return e.ID }), nil
}

// EpisodesByMemberID loads every episode of the members, superseded ones
// included, oldest first.
func (s *Store) EpisodesByMemberID(ctx context.Context, ids []int64) (map[int64][]*domain.CareEpisode, error) {
	var rows []*domain.CareEpisode
	err := s.db.NewSelect().Model(&rows).Where("member_id IN (?)", bun.List(ids)).
		Order("started_at", "id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(e *domain.CareEpisode) int64 { return e.MemberID }), nil
}

// OpenEpisodesByMemberID loads each member's open episode (the one the
// partial unique index care_episodes_one_open_idx allows), for the lists
// that show only the current level: reading whole histories there grew with
// each member's past.
func (s *Store) OpenEpisodesByMemberID(ctx context.Context, ids []int64) (map[int64]*domain.CareEpisode, error) {
	var rows []*domain.CareEpisode
	err := s.db.NewSelect().Model(&rows).
		Where("member_id IN (?) AND ended_at IS NULL AND superseded_at IS NULL", bun.List(ids)).Scan(ctx)
	if err != nil {
		return nil, err
	}
	return indexBy(rows, func(e *domain.CareEpisode) int64 { return e.MemberID }), nil
}

// JourneyChange is the outcome of a care-journey write: the episode written
// and the member after it.
type JourneyChange struct {
	Episode *domain.CareEpisode
	Member  *domain.Member
}

// AdmitInput admits a member to a level of care.
type AdmitInput struct {
	MemberID      int64
	CareLevelCode string
	StartedAt     time.Time
	Reason        string
}

// journey is what every write to a member's journey starts from: the
// member, locked, and their open and latest current episodes.
type journey struct {
	member     *domain.Member
	open, last *domain.CareEpisode
}

// changeJourney runs write in a transaction that holds the member's row
// lock, so concurrent writes to one journey happen one after another and
// each sees the journey as the previous one left it.
func (s *Store) changeJourney(ctx context.Context, memberID int64,
	write func(ctx context.Context, tx bun.Tx, j journey) (*domain.CareEpisode, error)) (*JourneyChange, error) {
	var out JourneyChange
	err := s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		m, err := lockMember(ctx, tx, memberID)
		if err != nil {
			return err
		}
		open, last, err := openAndLastEpisode(ctx, tx, m.ID)
		if err != nil {
			return err
		}
		e, err := write(ctx, tx, journey{member: m, open: open, last: last})
		if err != nil {
			return err
		}
		out = JourneyChange{Episode: e, Member: m}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// AdmitMember opens a first episode, or a readmission after a discharge.
func (s *Store) AdmitMember(ctx context.Context, by int64, in AdmitInput) (*JourneyChange, error) {
	reason, err := domain.CleanReason(in.Reason, false)
	if err != nil {
		return nil, err
	}
	return s.changeJourney(ctx, in.MemberID, func(ctx context.Context, tx bun.Tx, j journey) (*domain.CareEpisode, error) {
		level, err := careLevel(ctx, tx, in.CareLevelCode)
		if err != nil {
			return nil, err
		}
		if err := domain.CheckAdmission(j.open, j.last, in.StartedAt, s.Now()); err != nil {
			return nil, err
		}
		e := &domain.CareEpisode{MemberID: j.member.ID, CareLevelCode: in.CareLevelCode, StartedAt: in.StartedAt,
			Reason: reason, RecordedByUserID: userRef(by)}
		if err := insertEpisode(ctx, tx, e); err != nil {
			return nil, err
		}
		transition := domain.TransitionAdmission
		if j.last != nil {
			transition = domain.TransitionReadmission
		}
		if err := insertJourneyUpdate(ctx, tx, by, j.member.ID, in.StartedAt,
			domain.CareLevelUpdateBody(transition, level)); err != nil {
			return nil, err
		}
		return e, setStatus(ctx, tx, j.member, domain.MemberActive)
	})
}

// ChangeLevelInput moves a member in care to another level.
type ChangeLevelInput struct {
	MemberID      int64
	CareLevelCode string
	EffectiveAt   time.Time
	Reason        string
}

// ChangeCareLevel closes the open episode at EffectiveAt and opens the next
// one at the new level. Of concurrent changes for one member the first wins;
// the others find the journey moved on and get a domain error.
func (s *Store) ChangeCareLevel(ctx context.Context, by int64, in ChangeLevelInput) (*JourneyChange, error) {
	reason, err := domain.CleanReason(in.Reason, false)
	if err != nil {
		return nil, err
	}
	return s.changeJourney(ctx, in.MemberID, func(ctx context.Context, tx bun.Tx, j journey) (*domain.CareEpisode, error) {
		to, err := careLevel(ctx, tx, in.CareLevelCode)
		if err != nil {
			return nil, err
		}
		if err := domain.CheckLevelChange(j.open, to, in.EffectiveAt, s.Now()); err != nil {
			return nil, err
		}
		from, err := careLevel(ctx, tx, j.open.CareLevelCode)
		if err != nil {
			return nil, err
		}
		if err := closeEpisode(ctx, tx, j.open, in.EffectiveAt, nil); err != nil {
			return nil, err
		}
		e := &domain.CareEpisode{MemberID: j.member.ID, CareLevelCode: to.Code, StartedAt: in.EffectiveAt,
			Reason: reason, RecordedByUserID: userRef(by)}
		if err := insertEpisode(ctx, tx, e); err != nil {
			return nil, err
		}
		return e, insertJourneyUpdate(ctx, tx, by, j.member.ID, in.EffectiveAt,
			domain.CareLevelUpdateBody(domain.StepDirection(from, to), to))
	})
}

// DischargeInput ends a member's care.
type DischargeInput struct {
	MemberID int64
	EndedAt  time.Time
	Reason   string
}

// DischargeMember closes the open episode with a discharge reason.
func (s *Store) DischargeMember(ctx context.Context, by int64, in DischargeInput) (*JourneyChange, error) {
	reason, err := domain.CleanReason(in.Reason, true)
	if err != nil {
		return nil, err
	}
	return s.changeJourney(ctx, in.MemberID, func(ctx context.Context, tx bun.Tx, j journey) (*domain.CareEpisode, error) {
		if err := domain.CheckDischarge(j.open, in.EndedAt, s.Now()); err != nil {
			return nil, err
		}
		from, err := careLevel(ctx, tx, j.open.CareLevelCode)
		if err != nil {
			return nil, err
		}
		j.open.DischargedByUserID = userRef(by)
		if err := closeEpisode(ctx, tx, j.open, in.EndedAt, &reason); err != nil {
			return nil, err
		}
		if err := insertJourneyUpdate(ctx, tx, by, j.member.ID, in.EndedAt, domain.DischargeUpdateBody(from)); err != nil {
			return nil, err
		}
		return j.open, setStatus(ctx, tx, j.member, domain.MemberDischarged)
	})
}

// CorrectionInput replaces a wrong episode.
type CorrectionInput struct {
	EpisodeID     int64
	CareLevelCode string
	StartedAt     time.Time
	EndedAt       *time.Time
	Reason        string
}

// CorrectCareEpisode appends a corrected copy of an episode and marks the
// original superseded with who, when and why. The replacement keeps the
// original's discharge reason, so a corrected last episode still ends the stay.
func (s *Store) CorrectCareEpisode(ctx context.Context, by int64, in CorrectionInput) (*JourneyChange, error) {
	reason, err := domain.CleanReason(in.Reason, true)
	if err != nil {
		return nil, err
	}
	// An episode never changes member (the append-only trigger), so its
	// member can be read before the member's lock is taken.
	memberID, err := episodeMemberID(ctx, s.db, in.EpisodeID)
	if err != nil {
		return nil, err
	}
	return s.changeJourney(ctx, memberID, func(ctx context.Context, tx bun.Tx, j journey) (*domain.CareEpisode, error) {
		original := new(domain.CareEpisode)
		if err := tx.NewSelect().Model(original).Where("id = ?", in.EpisodeID).Scan(ctx); err != nil {
			return nil, err
		}
		if _, err := careLevel(ctx, tx, in.CareLevelCode); err != nil {
			return nil, err
		}
		if err := domain.CheckCorrection(original, in.StartedAt, in.EndedAt, s.Now()); err != nil {
			return nil, err
		}
		now := s.Now()
		original.SupersededAt = &now
		original.SupersededByUserID = userRef(by)
		original.SupersedeReason = &reason
		if _, err := tx.NewUpdate().Model(original).
			Column("superseded_at", "superseded_by_user_id", "supersede_reason").WherePK().Exec(ctx); err != nil {
			return nil, err
		}
		e := &domain.CareEpisode{MemberID: j.member.ID, CareLevelCode: in.CareLevelCode, StartedAt: in.StartedAt,
			EndedAt: in.EndedAt, Reason: original.Reason, DischargeReason: original.DischargeReason,
			DischargedByUserID: original.DischargedByUserID,
			RecordedByUserID:   userRef(by), SupersedesEpisodeID: &original.ID}
		return e, insertEpisode(ctx, tx, e)
	})
}

func careLevel(ctx context.Context, tx bun.Tx, code string) (domain.CareLevel, error) {
	var level domain.CareLevel
	err := tx.NewSelect().Model(&level).ModelTableExpr("care_levels AS care_level").Where("code = ?", code).Scan(ctx)
	if isNoRows(err) {
		return level, domain.FieldError(domain.CodeUnknownCareLevel, "careLevelCode",
			"Unknown level of care "+quote(code)+"; see careLevels for the codes.")
	}
	return level, err
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + s + "\""
}

func episodeMemberID(ctx context.Context, db bun.IDB, episodeID int64) (int64, error) {
	var memberID int64
	err := db.NewSelect().Table("care_episodes").Column("member_id").Where("id = ?", episodeID).Scan(ctx, &memberID)
	if isNoRows(err) {
		return 0, &domain.Error{Code: domain.CodeNotFound, Field: []string{"input", "careEpisodeId"}, Message: "Care episode not found."}
	}
	return memberID, err
}

// openAndLastEpisode returns the member's open episode and latest episode
// among the current (not superseded) ones.
func openAndLastEpisode(ctx context.Context, tx bun.Tx, memberID int64) (open, last *domain.CareEpisode, err error) {
	var rows []*domain.CareEpisode
	err = tx.NewSelect().Model(&rows).
		Where("member_id = ? AND superseded_at IS NULL", memberID).
		OrderExpr("started_at DESC").Limit(1).Scan(ctx)
	if err != nil || len(rows) == 0 {
		return nil, nil, err
	}
	last = rows[0]
	if last.Open() {
		open = last
	}
	return open, last, nil
}

func insertEpisode(ctx context.Context, tx bun.Tx, e *domain.CareEpisode) error {
	_, err := tx.NewInsert().Model(e).
		ExcludeColumn("recorded_at", "superseded_at", "superseded_by_user_id", "supersede_reason").
		Returning("*").Exec(ctx)
	return err
}

func closeEpisode(ctx context.Context, tx bun.Tx, e *domain.CareEpisode, at time.Time, dischargeReason *string) error {
	e.EndedAt = &at
	e.DischargeReason = dischargeReason
	_, err := tx.NewUpdate().Model(e).Column("ended_at", "discharge_reason", "discharged_by_user_id").WherePK().Exec(ctx)
	return err
}

func setStatus(ctx context.Context, tx bun.Tx, m *domain.Member, status domain.MemberStatus) error {
	m.Status = status
	_, err := tx.NewUpdate().Model(m).Column("status").Set("updated_at = now()").WherePK().Returning("*").Exec(ctx)
	return err
}

// insertJourneyUpdate writes the CARE_LEVEL_CHANGE update of a journey event
// in the event's transaction.
func insertJourneyUpdate(ctx context.Context, tx bun.Tx, by, memberID int64, at time.Time, body string) error {
	return insertUpdate(ctx, tx, &domain.Update{MemberID: memberID, Kind: domain.UpdateCareLevelChange, Body: body,
		AuthorUserID: userRef(by), OccurredAt: at, Shareable: domain.ShareableByDefault(domain.UpdateCareLevelChange)})
}
