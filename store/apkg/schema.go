package apkg

import (
	"fmt"

	"github.com/glossa-app/glossa/app/deck"
)

// schema11 is Anki's schema 11 (rslib/src/storage/schema11.sql), with
// the one row of the col table filled in by writeCollection.
const schema11 = `
CREATE TABLE col (
	id integer primary key, crt integer not null, mod integer not null, scm integer not null,
	ver integer not null, dty integer not null, usn integer not null, ls integer not null,
	conf text not null, models text not null, decks text not null, dconf text not null, tags text not null
);
CREATE TABLE notes (
	id integer primary key, guid text not null, mid integer not null, mod integer not null,
	usn integer not null, tags text not null, flds text not null, sfld integer not null,
	csum integer not null, flags integer not null, data text not null
);
CREATE TABLE cards (
	id integer primary key, nid integer not null, did integer not null, ord integer not null,
	mod integer not null, usn integer not null, type integer not null, queue integer not null,
	due integer not null, ivl integer not null, factor integer not null, reps integer not null,
	lapses integer not null, left integer not null, odue integer not null, odid integer not null,
	flags integer not null, data text not null
);
CREATE TABLE revlog (
	id integer primary key, cid integer not null, usn integer not null, ease integer not null,
	ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
	type integer not null
);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}');
`

// The card templates show the passage a card quotes and where it is
// ("§3.3, fn 126") under the answer, so the way back to the article
// survives the trip to the phone.
const (
	passageHTML = `{{#Passage}}<blockquote class="glossa-passage">{{Passage}}</blockquote>{{/Passage}}` +
		`{{#Source}}<div class="glossa-source">{{Source}}</div>{{/Source}}`
	basicFront = `<div class="glossa-front">{{Front}}</div>`
	basicBack  = `{{FrontSide}}<hr id="answer"><div class="glossa-back">{{Back}}</div>` + passageHTML
	clozeFront = `{{cloze:Front}}`
	clozeBack  = `{{cloze:Front}}{{#Back}}<div class="glossa-back">{{Back}}</div>{{/Back}}` + passageHTML
	css        = `.card { font-family: Georgia, serif; font-size: 20px; text-align: left; color: black; background-color: white; }
.cloze { font-weight: bold; color: #1a5fb4; }
.nightMode .cloze { color: #99c1f1; }
.glossa-back { margin-top: 0.5em; }
.glossa-passage { margin: 1em 0 0.3em; padding-left: 0.8em; border-left: 3px solid #c0bfbc; font-size: 16px; color: #5e5c64; }
.nightMode .glossa-passage { color: #c0bfbc; }
.glossa-source { font-size: 14px; color: #77767b; }
`
)

// modelJSON is the models column: Glossa's two note types.
func modelJSON() map[string]any {
	fields := func() []map[string]any {
		var fs []map[string]any
		for i, name := range deck.AnkiFields {
			fs = append(fs, map[string]any{"name": name, "ord": i, "sticky": false, "rtl": false,
				"font": "Arial", "size": 20, "media": []string{}})
		}
		return fs
	}
	model := func(id int64, name string, kind int, qfmt, afmt string) map[string]any {
		m := map[string]any{"id": id, "name": name, "type": kind, "mod": noteTypeMod, "usn": 0, "sortf": 0,
			"did": 1, "flds": fields(), "css": css, "latexPre": latexPre, "latexPost": `\end{document}`,
			"latexsvg": false, "tags": []string{}, "vers": []string{},
			"tmpls": []map[string]any{{"name": "Card 1", "ord": 0, "qfmt": qfmt, "afmt": afmt,
				"bqfmt": "", "bafmt": "", "did": nil, "bfont": "", "bsize": 0}}}
		if kind == 0 {
			m["req"] = []any{[]any{0, "any", []int{0}}}
		}
		return m
	}
	return map[string]any{
		fmt.Sprint(BasicNoteTypeID): model(BasicNoteTypeID, deck.AnkiBasic, 0, basicFront, basicBack),
		fmt.Sprint(ClozeNoteTypeID): model(ClozeNoteTypeID, deck.AnkiCloze, 1, clozeFront, clozeBack),
	}
}

const latexPre = `\documentclass[12pt]{article}
\special{papersize=3in,5in}
\usepackage[utf8]{inputenc}
\usepackage{amssymb,amsmath}
\pagestyle{empty}
\setlength{\parindent}{0in}
\begin{document}
`

// dconf is the dconf column: Anki's default options group (id 1), which
// every deck uses. Anki's importer does not replace the student's own
// options unless they ask it to.
var dconf = map[string]any{
	"1": map[string]any{
		"id": 1, "mod": 0, "name": "Default", "usn": 0, "maxTaken": 60, "autoplay": true, "timer": 0,
		"replayq": true, "dyn": false,
		"new": map[string]any{"bury": false, "delays": []float64{1, 10}, "initialFactor": 2500,
			"ints": []int{1, 4, 0}, "order": 1, "perDay": 20, "separate": true},
		"lapse": map[string]any{"delays": []float64{10}, "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0},
		"rev": map[string]any{"bury": false, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1, "maxIvl": 36500,
			"minSpace": 1, "perDay": 200, "hardFactor": 1.2},
	},
}
