package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/glossa-app/glossa/app/lecture"
)

// Lecture plans are kept per article ID and name; their steps are the
// JSON app/lecture writes, so that the store need not know what a step
// is and a plan travels in a notes bundle as it is stored.

// ErrPlanExists is returned when a plan is renamed to a name taken.
var ErrPlanExists = errors.New("store: a lecture plan of that name exists")

// Plans are the lecture plans of an article, by name.
func (s *Store) Plans(article string) ([]lecture.Plan, error) {
	var plans []lecture.Plan
	err := s.retry(func() error {
		plans = plans[:0]
		rows, err := s.db.Query(`SELECT name, items, scale, updated_at FROM lecture_plans WHERE article = ? ORDER BY name COLLATE NOCASE`, article)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p := lecture.Plan{Article: article}
			var items string
			var updated int64
			if err := rows.Scan(&p.Name, &items, &p.Scale, &updated); err != nil {
				return err
			}
			if p.Items, err = lecture.DecodeItems([]byte(items)); err != nil {
				return fmt.Errorf("plan %q: %w", p.Name, err)
			}
			p.Updated = fromDB(updated)
			plans = append(plans, p)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: load lecture plans of %s: %w", article, err)
	}
	return plans, nil
}

// SavePlan writes a plan, replacing the one of the same article and
// name; its Updated time is set to now.
func (s *Store) SavePlan(p lecture.Plan) (lecture.Plan, error) {
	p.Name = strings.TrimSpace(p.Name)
	p.Updated = time.Now().UTC()
	if p.Publisher != "" {
		return p, fmt.Errorf("store: save lecture plan %q: it is %s's shared plan: save a copy under another name", p.Name, p.Publisher)
	}
	if err := p.Check(); err != nil {
		return p, fmt.Errorf("store: save %w", err)
	}
	err := s.write(func(tx *sql.Tx) error { return putPlan(tx, p) })
	if err != nil {
		return p, fmt.Errorf("store: save lecture plan %q: %w", p.Name, err)
	}
	return p, nil
}

func putPlan(tx *sql.Tx, p lecture.Plan) error {
	items, err := lecture.EncodeItems(p.Items)
	if err != nil {
		return err
	}
	_, err = tx.Exec(`
		INSERT INTO lecture_plans (article, name, items, scale, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (article, name) DO UPDATE SET items = excluded.items, scale = excluded.scale, updated_at = excluded.updated_at`,
		p.Article, p.Name, string(items), p.Scale, toDB(p.Updated))
	return err
}

// RenamePlan gives a plan another name; a name another plan has is
// refused with ErrPlanExists.
func (s *Store) RenamePlan(article, from, to string) error {
	to = strings.TrimSpace(to)
	if err := (lecture.Plan{Name: to}).Check(); err != nil {
		return fmt.Errorf("store: rename lecture plan %q: %w", from, err)
	}
	err := s.write(func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM lecture_plans WHERE article = ? AND name = ?`, article, to).Scan(&n); err != nil {
			return err
		}
		if n > 0 && to != from {
			return ErrPlanExists
		}
		res, err := tx.Exec(`UPDATE lecture_plans SET name = ?, updated_at = ? WHERE article = ? AND name = ?`, to, toDB(time.Now()), article, from)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: rename lecture plan %q to %q: %w", from, to, err)
	}
	return nil
}

// DeletePlan removes a plan; removing one that is not there is no error.
func (s *Store) DeletePlan(article, name string) error {
	err := s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`DELETE FROM lecture_plans WHERE article = ? AND name = ?`, article, name)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete lecture plan %q: %w", name, err)
	}
	return nil
}

// allPlans are every article's plans, for a bundle.
func (s *Store) allPlans() ([]lecture.Plan, error) {
	articles, err := s.textColumn(`SELECT DISTINCT article FROM lecture_plans ORDER BY article`)
	if err != nil {
		return nil, err
	}
	plans := []lecture.Plan{}
	for _, a := range articles {
		ps, err := s.Plans(a)
		if err != nil {
			return nil, err
		}
		plans = append(plans, ps...)
	}
	return plans, nil
}

// importPlan adds a bundle's plan, or replaces the local one of that name
// when the bundle's is newer; it reports whether it wrote.
func importPlan(tx *sql.Tx, p lecture.Plan, now time.Time) (bool, error) {
	if p.Updated.After(now) || p.Updated.IsZero() {
		p.Updated = now
	}
	var have int64
	err := tx.QueryRow(`SELECT updated_at FROM lecture_plans WHERE article = ? AND name = ?`, p.Article, p.Name).Scan(&have)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return false, err
	case have >= toDB(p.Updated):
		return false, nil
	}
	return true, putPlan(tx, p)
}
