package store

import (
	"database/sql"
	"fmt"
)

// Rows of the search index are keyed by the rowid of their source row plus
// an offset per kind, so a trigger can delete exactly one index row.
const (
	footnoteRowOffset = 1 << 40
	noteRowOffset     = 2 << 40
)

// migrations is append-only: never edit or reorder one that has shipped,
// add a new one. Version n of a database means migrations[:n] have run;
// the version lives in PRAGMA user_version and each migration runs in the
// transaction that bumps it.
var migrations = []func(tx *sql.Tx) error{
	// 1: the article and its full-text index.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE articles (
				hash        TEXT PRIMARY KEY,
				title       TEXT NOT NULL,
				imported_at INTEGER NOT NULL,
				current     INTEGER NOT NULL DEFAULT 0
			);
			CREATE TABLE sections (
				number   TEXT PRIMARY KEY,
				title    TEXT NOT NULL,
				level    INTEGER NOT NULL,
				position INTEGER NOT NULL
			);
			CREATE TABLE paragraphs (
				rid      INTEGER PRIMARY KEY,
				id       TEXT NOT NULL UNIQUE,
				position INTEGER NOT NULL,
				section  TEXT NOT NULL,
				text     TEXT NOT NULL
			);
			CREATE INDEX paragraphs_position ON paragraphs(position);
			CREATE TABLE footnotes (
				n            INTEGER PRIMARY KEY,
				paragraph_id TEXT NOT NULL,
				section      TEXT NOT NULL,
				text         TEXT NOT NULL
			);
			CREATE VIRTUAL TABLE search USING fts5(
				kind UNINDEXED, ref UNINDEXED, section UNINDEXED, body,
				tokenize = 'unicode61 remove_diacritics 2',
				prefix = '2 3'
			);
			CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
				INSERT INTO search(rowid, kind, ref, section, body)
				VALUES (new.rid, 'paragraph', new.id, new.section, new.text);
			END;
			CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
				DELETE FROM search WHERE rowid = old.rid;
			END;
			CREATE TRIGGER footnotes_ai AFTER INSERT ON footnotes BEGIN
				INSERT INTO search(rowid, kind, ref, section, body)
				VALUES (new.n + 1099511627776, 'footnote', CAST(new.n AS TEXT), new.section, new.text);
			END;
			CREATE TRIGGER footnotes_ad AFTER DELETE ON footnotes BEGIN
				DELETE FROM search WHERE rowid = old.n + 1099511627776;
			END;
		`)
		return err
	},
	// 2: notes, indexed for search while they are not in the trash.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE notes (
				rid         INTEGER PRIMARY KEY,
				id          TEXT NOT NULL UNIQUE,
				target_kind TEXT NOT NULL CHECK (target_kind IN ('passage', 'footnote', 'source', 'card')),
				target_id   TEXT NOT NULL,
				exact       TEXT NOT NULL DEFAULT '',
				prefix      TEXT NOT NULL DEFAULT '',
				suffix      TEXT NOT NULL DEFAULT '',
				para_index  INTEGER NOT NULL DEFAULT 0,
				start       INTEGER NOT NULL DEFAULT 0,
				body        TEXT NOT NULL DEFAULT '',
				tags        TEXT NOT NULL DEFAULT '[]',
				color       TEXT NOT NULL DEFAULT '',
				orphan      INTEGER NOT NULL DEFAULT 0,
				created_at  INTEGER NOT NULL,
				updated_at  INTEGER NOT NULL,
				deleted_at  INTEGER
			);
			CREATE INDEX notes_target ON notes(target_kind, target_id);
			CREATE VIEW note_sections AS
				SELECT nt.rid, COALESCE(CASE nt.target_kind
					WHEN 'passage' THEN (SELECT section FROM paragraphs WHERE id = nt.target_id AND nt.orphan = 0)
					WHEN 'footnote' THEN (SELECT section FROM footnotes WHERE n = CAST(nt.target_id AS INTEGER))
					END, '') AS section
				FROM notes nt;
			CREATE TRIGGER notes_ai AFTER INSERT ON notes WHEN new.deleted_at IS NULL BEGIN
				INSERT INTO search(rowid, kind, ref, section, body)
				SELECT new.rid + 2199023255552, 'note', new.id, section,
					new.body || ' ' || COALESCE((SELECT group_concat(value, ' ') FROM json_each(new.tags)), '')
				FROM note_sections WHERE rid = new.rid;
			END;
			CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
				DELETE FROM search WHERE rowid = old.rid + 2199023255552;
				INSERT INTO search(rowid, kind, ref, section, body)
				SELECT new.rid + 2199023255552, 'note', new.id, section,
					new.body || ' ' || COALESCE((SELECT group_concat(value, ' ') FROM json_each(new.tags)), '')
				FROM note_sections WHERE rid = new.rid AND new.deleted_at IS NULL;
			END;
			CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
				DELETE FROM search WHERE rowid = old.rid + 2199023255552;
			END;
		`)
		return err
	},
	// 3: settings and reading position, as keys and values.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE settings (
				key        TEXT PRIMARY KEY,
				value      TEXT NOT NULL,
				updated_at INTEGER NOT NULL
			) WITHOUT ROWID;
		`)
		return err
	},
	// 4: flashcard state and the append-only review log.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE cards (
				card_id     TEXT PRIMARY KEY,
				state       INTEGER NOT NULL,
				step        INTEGER NOT NULL,
				stability   REAL NOT NULL,
				difficulty  REAL NOT NULL,
				due         INTEGER NOT NULL,
				last_review INTEGER NOT NULL,
				suspended   INTEGER NOT NULL DEFAULT 0
			);
			CREATE TABLE reviews (
				id               INTEGER PRIMARY KEY AUTOINCREMENT,
				card_id          TEXT NOT NULL,
				rating           INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
				reviewed_at      INTEGER NOT NULL,
				elapsed_ms       INTEGER NOT NULL,
				prev_state       INTEGER NOT NULL,
				prev_step        INTEGER NOT NULL,
				prev_stability   REAL NOT NULL,
				prev_difficulty  REAL NOT NULL,
				prev_due         INTEGER NOT NULL,
				prev_last_review INTEGER NOT NULL,
				prev_suspended   INTEGER NOT NULL
			);
			CREATE INDEX reviews_card ON reviews(card_id, reviewed_at);
			CREATE INDEX reviews_time ON reviews(reviewed_at);
		`)
		return err
	},
	// 5: cards the student made from a passage, and their own wording of
	// shipped cards (user_made = 0 rows override a shipped card's text).
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE user_cards (
				card_id      TEXT PRIMARY KEY,
				user_made    INTEGER NOT NULL DEFAULT 0,
				type         TEXT NOT NULL CHECK (type IN ('basic', 'cloze')),
				front        TEXT NOT NULL,
				back         TEXT NOT NULL DEFAULT '',
				tags         TEXT NOT NULL DEFAULT '[]',
				paragraph_id TEXT NOT NULL DEFAULT '',
				quote        TEXT NOT NULL DEFAULT '',
				created_at   INTEGER NOT NULL,
				updated_at   INTEGER NOT NULL
			);
		`)
		return err
	},
	// 6: earlier versions of notes, kept when an import, a restore from the
	// history or a new editing session replaces a note's text, tags or color.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE note_revisions (
				id         INTEGER PRIMARY KEY,
				note_id    TEXT NOT NULL,
				body       TEXT NOT NULL,
				tags       TEXT NOT NULL DEFAULT '[]',
				color      TEXT NOT NULL DEFAULT '',
				updated_at INTEGER NOT NULL,
				source     TEXT NOT NULL,
				saved_at   INTEGER NOT NULL
			);
			CREATE INDEX note_revisions_note ON note_revisions(note_id, saved_at);
		`)
		return err
	},
	// 7: the library. Every article is a row of its own; its text, the
	// student's notes and own cards, and the search index rows belong to it
	// (an article column). The text tables are made again with the article
	// in their keys (paragraph IDs and footnote numbers repeat across
	// articles); whatever a database already holds belongs to the article
	// it has, the shipped one.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE library (
				id         TEXT PRIMARY KEY,
				hash       TEXT NOT NULL,
				title      TEXT NOT NULL DEFAULT '',
				authors    TEXT NOT NULL DEFAULT '[]',
				year       INTEGER NOT NULL DEFAULT 0,
				format     TEXT NOT NULL DEFAULT '',
				origin     TEXT NOT NULL DEFAULT '',
				footnotes  INTEGER NOT NULL DEFAULT 0,
				paragraphs INTEGER NOT NULL DEFAULT 0,
				problems   INTEGER NOT NULL DEFAULT 0,
				shipped    INTEGER NOT NULL DEFAULT 0,
				added_at   INTEGER NOT NULL,
				opened_at  INTEGER NOT NULL DEFAULT 0,
				trashed_at INTEGER NOT NULL DEFAULT 0,
				document   BLOB
			);
			CREATE INDEX library_hash ON library(hash);
			INSERT INTO library (id, hash, title, footnotes, paragraphs, shipped, added_at)
				SELECT substr(hash, 1, 12), hash, title, (SELECT count(*) FROM footnotes),
					(SELECT count(*) FROM paragraphs), 1, imported_at
				FROM articles WHERE current = 1;
			CREATE TEMP TABLE v7_shipped AS SELECT COALESCE((SELECT id FROM library WHERE shipped = 1), '') AS id;

			DROP TRIGGER paragraphs_ai;
			DROP TRIGGER paragraphs_ad;
			DROP TRIGGER footnotes_ai;
			DROP TRIGGER footnotes_ad;
			DROP TRIGGER notes_ai;
			DROP TRIGGER notes_au;
			DROP TRIGGER notes_ad;
			DROP VIEW note_sections;
			DROP TABLE search;

			CREATE TABLE sections_v7 (
				rid      INTEGER PRIMARY KEY,
				article  TEXT NOT NULL,
				number   TEXT NOT NULL,
				title    TEXT NOT NULL,
				level    INTEGER NOT NULL,
				position INTEGER NOT NULL,
				UNIQUE (article, position)
			);
			INSERT INTO sections_v7 (article, number, title, level, position)
				SELECT (SELECT id FROM v7_shipped), number, title, level, position FROM sections ORDER BY position;
			DROP TABLE sections;
			ALTER TABLE sections_v7 RENAME TO sections;

			CREATE TABLE paragraphs_v7 (
				rid      INTEGER PRIMARY KEY,
				article  TEXT NOT NULL,
				id       TEXT NOT NULL,
				position INTEGER NOT NULL,
				section  TEXT NOT NULL,
				text     TEXT NOT NULL,
				UNIQUE (article, id)
			);
			INSERT INTO paragraphs_v7 (rid, article, id, position, section, text)
				SELECT rid, (SELECT id FROM v7_shipped), id, position, section, text FROM paragraphs;
			DROP TABLE paragraphs;
			ALTER TABLE paragraphs_v7 RENAME TO paragraphs;
			CREATE INDEX paragraphs_position ON paragraphs(article, position);

			CREATE TABLE footnotes_v7 (
				rid          INTEGER PRIMARY KEY,
				article      TEXT NOT NULL,
				n            INTEGER NOT NULL,
				paragraph_id TEXT NOT NULL,
				section      TEXT NOT NULL,
				text         TEXT NOT NULL,
				UNIQUE (article, n)
			);
			INSERT INTO footnotes_v7 (article, n, paragraph_id, section, text)
				SELECT (SELECT id FROM v7_shipped), n, paragraph_id, section, text FROM footnotes ORDER BY n;
			DROP TABLE footnotes;
			ALTER TABLE footnotes_v7 RENAME TO footnotes;

			ALTER TABLE notes ADD COLUMN article TEXT NOT NULL DEFAULT '';
			UPDATE notes SET article = (SELECT id FROM v7_shipped);
			DROP INDEX notes_target;
			CREATE INDEX notes_target ON notes(article, target_kind, target_id);
			ALTER TABLE user_cards ADD COLUMN article TEXT NOT NULL DEFAULT '';
			UPDATE user_cards SET article = (SELECT id FROM v7_shipped);
			CREATE INDEX user_cards_article ON user_cards(article);
			DROP TABLE v7_shipped;

			-- The article is an indexed column, so that a search within one
			-- article is an index lookup, not a filter over the library's
			-- hits; the words typed are matched in body only.
			CREATE VIRTUAL TABLE search USING fts5(
				kind UNINDEXED, ref UNINDEXED, section UNINDEXED, article, body,
				tokenize = 'unicode61 remove_diacritics 2',
				prefix = '2 3'
			);
			CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN
				INSERT INTO search(rowid, kind, ref, section, article, body)
				VALUES (new.rid, 'paragraph', new.id, new.section, new.article, new.text);
			END;
			CREATE TRIGGER paragraphs_ad AFTER DELETE ON paragraphs BEGIN
				DELETE FROM search WHERE rowid = old.rid;
			END;
			CREATE TRIGGER footnotes_ai AFTER INSERT ON footnotes BEGIN
				INSERT INTO search(rowid, kind, ref, section, article, body)
				VALUES (new.rid + 1099511627776, 'footnote', CAST(new.n AS TEXT), new.section, new.article, new.text);
			END;
			CREATE TRIGGER footnotes_ad AFTER DELETE ON footnotes BEGIN
				DELETE FROM search WHERE rowid = old.rid + 1099511627776;
			END;
			CREATE VIEW note_sections AS
				SELECT nt.rid, COALESCE(CASE nt.target_kind
					WHEN 'passage' THEN (SELECT section FROM paragraphs WHERE article = nt.article AND id = nt.target_id AND nt.orphan = 0)
					WHEN 'footnote' THEN (SELECT section FROM footnotes WHERE article = nt.article AND n = CAST(nt.target_id AS INTEGER))
					END, '') AS section
				FROM notes nt;
			CREATE TRIGGER notes_ai AFTER INSERT ON notes WHEN new.deleted_at IS NULL BEGIN
				INSERT INTO search(rowid, kind, ref, section, article, body)
				SELECT new.rid + 2199023255552, 'note', new.id, section, new.article,
					new.body || ' ' || COALESCE((SELECT group_concat(value, ' ') FROM json_each(new.tags)), '')
				FROM note_sections WHERE rid = new.rid;
			END;
			CREATE TRIGGER notes_au AFTER UPDATE ON notes BEGIN
				DELETE FROM search WHERE rowid = old.rid + 2199023255552;
				INSERT INTO search(rowid, kind, ref, section, article, body)
				SELECT new.rid + 2199023255552, 'note', new.id, section, new.article,
					new.body || ' ' || COALESCE((SELECT group_concat(value, ' ') FROM json_each(new.tags)), '')
				FROM note_sections WHERE rid = new.rid AND new.deleted_at IS NULL;
			END;
			CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
				DELETE FROM search WHERE rowid = old.rid + 2199023255552;
			END;
		` + fillSearch)
		return err
	},
	// 8: lecture plans: a lecturer's named sequences of steps per article ID,
	// the steps as app/lecture's JSON, and the type size last used.
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			CREATE TABLE lecture_plans (
				article    TEXT NOT NULL,
				name       TEXT NOT NULL,
				items      TEXT NOT NULL DEFAULT '[]',
				scale      REAL NOT NULL DEFAULT 0,
				updated_at INTEGER NOT NULL,
				PRIMARY KEY (article, name)
			);
		`)
		return err
	},
	// 9: the search index without its prefix indexes. They made an import
	// of a 324-note file spend 95 of its 156 ms (CPU) writing every word
	// three times; a word being typed is found as a prefix without them
	// (FTS5 reads the few terms that start with it), and what a search
	// costs is ranking its matches, not finding them (BenchmarkImport324,
	// BenchmarkSearchLibrary200).
	func(tx *sql.Tx) error {
		_, err := tx.Exec(`
			DROP TABLE search;
			CREATE VIRTUAL TABLE search USING fts5(
				kind UNINDEXED, ref UNINDEXED, section UNINDEXED, article, body,
				tokenize = 'unicode61 remove_diacritics 2'
			);
		` + fillSearch)
		return err
	},
}

// fillSearch indexes every paragraph, footnote and note not in the trash,
// as the triggers do one row at a time.
const fillSearch = `
			INSERT INTO search(rowid, kind, ref, section, article, body)
				SELECT rid, 'paragraph', id, section, article, text FROM paragraphs;
			INSERT INTO search(rowid, kind, ref, section, article, body)
				SELECT rid + 1099511627776, 'footnote', CAST(n AS TEXT), section, article, text FROM footnotes;
			-- the view's expression per row: a join with the view costs the
			-- square of the number of notes
			INSERT INTO search(rowid, kind, ref, section, article, body)
				SELECT n.rid + 2199023255552, 'note', n.id, COALESCE(CASE n.target_kind
						WHEN 'passage' THEN (SELECT section FROM paragraphs p WHERE p.article = n.article AND p.id = n.target_id AND n.orphan = 0)
						WHEN 'footnote' THEN (SELECT section FROM footnotes f WHERE f.article = n.article AND f.n = CAST(n.target_id AS INTEGER))
						END, ''), n.article,
					n.body || ' ' || COALESCE((SELECT group_concat(value, ' ') FROM json_each(n.tags)), '')
				FROM notes n WHERE n.deleted_at IS NULL;
`

// SchemaVersion is the version Open migrates every database to.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate() error { return s.migrateTo(len(migrations)) }

// migrateTo runs the migrations a database lacks up to version n, each in
// its own transaction. Two processes opening a new file at once are safe:
// the version is read inside the write transaction.
func (s *Store) migrateTo(n int) error {
	for {
		done := false
		err := s.write(func(tx *sql.Tx) error {
			var v int
			if err := tx.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
				return err
			}
			if v > len(migrations) {
				return fmt.Errorf("database version %d is newer than this Glossa (%d): update Glossa", v, len(migrations))
			}
			if v >= n {
				done = true
				return nil
			}
			if err := migrations[v](tx); err != nil {
				return fmt.Errorf("migrate to version %d: %w", v+1, err)
			}
			_, err := tx.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, v+1))
			return err
		})
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}
