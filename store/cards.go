package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// CardState is the scheduling state of one flashcard. The store does not
// interpret it; the scheduler (app/srs) does.
type CardState struct {
	CardID     string
	State      int // 0 new, 1 learning, 2 review, 3 relearning
	Step       int
	Stability  float64
	Difficulty float64
	Due        time.Time
	LastReview time.Time
	Suspended  bool
}

// Review is one answer to a card, with the state the card had before it
// so that it can be undone.
type Review struct {
	ID         int64
	CardID     string
	Rating     int // 1 again, 2 hard, 3 good, 4 easy
	ReviewedAt time.Time
	Prev       CardState
	ElapsedMS  int64 // time the student took to answer
}

const cardColumns = `card_id, state, step, stability, difficulty, due, last_review, suspended`

func scanCard(sc interface{ Scan(...any) error }) (CardState, error) {
	var c CardState
	var due, last int64
	err := sc.Scan(&c.CardID, &c.State, &c.Step, &c.Stability, &c.Difficulty, &due, &last, &c.Suspended)
	c.Due, c.LastReview = fromDB(due), fromDB(last)
	return c, err
}

// CardState returns the state of one card; ok is false for a card never
// reviewed (nor saved).
func (s *Store) CardState(cardID string) (CardState, bool, error) {
	var c CardState
	err := s.retry(func() error {
		var err error
		c, err = scanCard(s.db.QueryRow(`SELECT `+cardColumns+` FROM cards WHERE card_id = ?`, cardID))
		return err
	})
	if errors.Is(err, sql.ErrNoRows) {
		return CardState{}, false, nil
	}
	if err != nil {
		return CardState{}, false, fmt.Errorf("store: load card %s: %w", cardID, err)
	}
	return c, true, nil
}

// CardStates returns every stored card state, by card id.
func (s *Store) CardStates() ([]CardState, error) {
	var cs []CardState
	err := s.retry(func() error {
		cs = cs[:0]
		rows, err := s.db.Query(`SELECT ` + cardColumns + ` FROM cards ORDER BY card_id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCard(rows)
			if err != nil {
				return err
			}
			cs = append(cs, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: load cards: %w", err)
	}
	return cs, nil
}

func putCard(tx *sql.Tx, c CardState) error {
	_, err := tx.Exec(`
		INSERT INTO cards (`+cardColumns+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (card_id) DO UPDATE SET state = excluded.state, step = excluded.step,
			stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
			last_review = excluded.last_review, suspended = excluded.suspended`,
		c.CardID, c.State, c.Step, c.Stability, c.Difficulty, toDB(c.Due), toDB(c.LastReview), c.Suspended)
	return err
}

// SaveCardState replaces a card's state without a review (to suspend a
// card, say).
func (s *Store) SaveCardState(c CardState) error {
	if err := s.write(func(tx *sql.Tx) error { return putCard(tx, c) }); err != nil {
		return fmt.Errorf("store: save card %s: %w", c.CardID, err)
	}
	return nil
}

// SaveReview appends r to the review log and replaces the card's state
// with next, in one transaction. r.CardID, r.Prev.CardID and next.CardID
// must agree (empty ones are filled in).
func (s *Store) SaveReview(r Review, next CardState) error {
	if r.CardID == "" {
		r.CardID = next.CardID
	}
	if next.CardID == "" {
		next.CardID = r.CardID
	}
	if r.CardID == "" || next.CardID != r.CardID || (r.Prev.CardID != "" && r.Prev.CardID != r.CardID) {
		return fmt.Errorf("store: save review: card ids disagree (%q, %q, %q)", r.CardID, r.Prev.CardID, next.CardID)
	}
	if r.Rating < 1 || r.Rating > 4 {
		return fmt.Errorf("store: save review of %s: rating %d is not 1..4", r.CardID, r.Rating)
	}
	if r.ReviewedAt.IsZero() {
		r.ReviewedAt = time.Now()
	}
	p := r.Prev
	err := s.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`
			INSERT INTO reviews (card_id, rating, reviewed_at, elapsed_ms, prev_state, prev_step, prev_stability,
				prev_difficulty, prev_due, prev_last_review, prev_suspended)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			r.CardID, r.Rating, toDB(r.ReviewedAt), r.ElapsedMS, p.State, p.Step, p.Stability, p.Difficulty,
			toDB(p.Due), toDB(p.LastReview), p.Suspended); err != nil {
			return err
		}
		return putCard(tx, next)
	})
	if err != nil {
		return fmt.Errorf("store: save review of %s: %w", r.CardID, err)
	}
	s.firstBackup()
	return nil
}

const reviewColumns = `id, card_id, rating, reviewed_at, elapsed_ms, prev_state, prev_step, prev_stability,
	prev_difficulty, prev_due, prev_last_review, prev_suspended`

func scanReview(sc interface{ Scan(...any) error }) (Review, error) {
	var r Review
	var at, due, last int64
	err := sc.Scan(&r.ID, &r.CardID, &r.Rating, &at, &r.ElapsedMS, &r.Prev.State, &r.Prev.Step, &r.Prev.Stability,
		&r.Prev.Difficulty, &due, &last, &r.Prev.Suspended)
	r.Prev.CardID = r.CardID
	r.ReviewedAt, r.Prev.Due, r.Prev.LastReview = fromDB(at), fromDB(due), fromDB(last)
	return r, err
}

// UndoLastReview deletes the newest review and gives its card back the
// state it had before. A card that had never been reviewed (Prev is a new
// card with no last review and not suspended) is forgotten entirely.
// ok is false when the log is empty.
func (s *Store) UndoLastReview() (Review, bool, error) {
	var r Review
	found := false
	err := s.write(func(tx *sql.Tx) error {
		var err error
		r, err = scanReview(tx.QueryRow(`SELECT ` + reviewColumns + ` FROM reviews ORDER BY id DESC LIMIT 1`))
		if errors.Is(err, sql.ErrNoRows) {
			found = false
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		if _, err := tx.Exec(`DELETE FROM reviews WHERE id = ?`, r.ID); err != nil {
			return err
		}
		if p := r.Prev; p.State == 0 && p.LastReview.IsZero() && !p.Suspended {
			_, err = tx.Exec(`DELETE FROM cards WHERE card_id = ?`, r.CardID)
			return err
		}
		return putCard(tx, r.Prev)
	})
	if err != nil {
		return Review{}, false, fmt.Errorf("store: undo review: %w", err)
	}
	return r, found, nil
}

// Reviews returns the reviews made at or after since, oldest first.
func (s *Store) Reviews(since time.Time) ([]Review, error) {
	var rs []Review
	err := s.retry(func() error {
		rs = rs[:0]
		rows, err := s.db.Query(`SELECT `+reviewColumns+` FROM reviews WHERE reviewed_at >= ? ORDER BY reviewed_at, id`, toDB(since))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanReview(rows)
			if err != nil {
				return err
			}
			rs = append(rs, r)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: load reviews: %w", err)
	}
	return rs, nil
}

// UserCard is a card the student made from a passage (UserMade), or their
// own wording of a shipped card, which replaces the shipped text wherever
// the card is shown.
type UserCard struct {
	CardID      string
	UserMade    bool
	Type        string // "basic" or "cloze"
	Front, Back string
	Tags        []string
	ParagraphID string // the passage the card is anchored to
	Quote       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// UserCards returns every user card and edit of the current article,
// oldest first.
func (s *Store) UserCards() ([]UserCard, error) { return s.UserCardsOf(s.current.get()) }

// UserCardsOf returns every user card and edit of article id, oldest
// first: the library counts the cards due in articles not open.
func (s *Store) UserCardsOf(article string) ([]UserCard, error) {
	var out []UserCard
	err := s.retry(func() error {
		out = out[:0]
		rows, err := s.db.Query(`SELECT card_id, user_made, type, front, back, tags, paragraph_id, quote,
			created_at, updated_at FROM user_cards WHERE article = ? ORDER BY created_at, card_id`, article)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c UserCard
			var tags string
			var created, updated int64
			if err := rows.Scan(&c.CardID, &c.UserMade, &c.Type, &c.Front, &c.Back, &tags, &c.ParagraphID,
				&c.Quote, &created, &updated); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(tags), &c.Tags); err != nil {
				return fmt.Errorf("card %s: tags: %w", c.CardID, err)
			}
			c.CreatedAt, c.UpdatedAt = fromDB(created), fromDB(updated)
			out = append(out, c)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("store: load user cards of %s: %w", article, err)
	}
	return out, nil
}

// SaveUserCard inserts or replaces c. The creation time of an existing
// card is kept; the update time is now.
func (s *Store) SaveUserCard(c UserCard) error {
	if c.CardID == "" {
		return fmt.Errorf("store: save user card: no card id")
	}
	if c.Type != "basic" && c.Type != "cloze" {
		return fmt.Errorf("store: save user card %s: type %q is not basic or cloze", c.CardID, c.Type)
	}
	if c.Tags == nil {
		c.Tags = []string{}
	}
	tags, err := json.Marshal(c.Tags)
	if err != nil {
		return fmt.Errorf("store: save user card %s: %w", c.CardID, err)
	}
	now := time.Now()
	if c.CreatedAt.IsZero() {
		c.CreatedAt = now
	}
	err = s.write(func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			INSERT INTO user_cards (card_id, user_made, type, front, back, tags, paragraph_id, quote, created_at, updated_at, article)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (card_id) DO UPDATE SET user_made = excluded.user_made, type = excluded.type,
				front = excluded.front, back = excluded.back, tags = excluded.tags,
				paragraph_id = excluded.paragraph_id, quote = excluded.quote, updated_at = excluded.updated_at`,
			c.CardID, c.UserMade, c.Type, c.Front, c.Back, string(tags), c.ParagraphID, c.Quote, toDB(c.CreatedAt), toDB(now), s.current.get())
		return err
	})
	if err != nil {
		return fmt.Errorf("store: save user card %s: %w", c.CardID, err)
	}
	return nil
}

// DeleteUserCard removes a user card or edit (a shipped card gets its
// shipped text back). With forget, its schedule and reviews go too, as for
// a card the student made and no longer wants.
func (s *Store) DeleteUserCard(cardID string, forget bool) error {
	err := s.write(func(tx *sql.Tx) error {
		if _, err := tx.Exec(`DELETE FROM user_cards WHERE card_id = ?`, cardID); err != nil {
			return err
		}
		if !forget {
			return nil
		}
		if _, err := tx.Exec(`DELETE FROM reviews WHERE card_id = ?`, cardID); err != nil {
			return err
		}
		_, err := tx.Exec(`DELETE FROM cards WHERE card_id = ?`, cardID)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: delete user card %s: %w", cardID, err)
	}
	return nil
}

// SetCardSuspended suspends a card (it is never shown for review) or
// brings it back, keeping its schedule. A card never reviewed gets a new
// card's state.
func (s *Store) SetCardSuspended(cardID string, suspended bool) error {
	err := s.write(func(tx *sql.Tx) error {
		c, err := scanCard(tx.QueryRow(`SELECT `+cardColumns+` FROM cards WHERE card_id = ?`, cardID))
		if errors.Is(err, sql.ErrNoRows) {
			c, err = CardState{CardID: cardID}, nil
		}
		if err != nil {
			return err
		}
		c.Suspended = suspended
		return putCard(tx, c)
	})
	if err != nil {
		return fmt.Errorf("store: suspend card %s: %w", cardID, err)
	}
	return nil
}
