#!/usr/bin/env python3
"""Typesets the test PDFs of testdata/pdf from their Markdown truth.

pandoc turns each Markdown file (real pandoc footnotes) into OpenDocument;
this script then edits the ODT's page style (columns, running head,
hyphenation, a rule above the notes) and LibreOffice prints it to PDF.
The PDFs are committed, so tests need none of these tools; run this again
only to remake them:  python3 testdata/pdf/make.py  (needs pandoc and
libreoffice-writer-nogui, hyphen-en-us; for the LaTeX files
texlive-latex-base, texlive-latex-recommended, texlive-fonts-recommended).
"""
import os, random, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))

WORDS = """court state treaty principle practice judgment article doctrine
tribunal sovereignty obligation custom consent jurisdiction remedy claim
breach duty right power organization resolution declaration commentary
interpretation reservation protection responsibility countermeasure
negotiation settlement dispute agreement convention protocol instrument
delegation authority government parliament constitution legislation
recognition territory boundary maritime continental navigation commerce
investment arbitration compensation restitution satisfaction guarantee
non-interference self-determination co-operation well-established""".split()

def sentence(rng, n):
    w = [rng.choice(WORDS) for _ in range(n)]
    w[0] = w[0].capitalize()
    return " ".join(w) + "."

def bench_md(path, notes=250, seed=7):
    """A 40-page article: numbered sections, paragraphs with 1-3 notes."""
    rng = random.Random(seed)
    out = ["---", "title: A Long Article for Timing", "author: Test Author", "---", ""]
    defs = []
    n = 0
    sec = 0
    while n < notes:
        if n % 25 == 0:
            sec += 1
            out += [f"# {sec}. " + " ".join(rng.choice(WORDS) for _ in range(3)).capitalize(), ""]
        para = []
        for _ in range(rng.randint(3, 6)):
            s = sentence(rng, rng.randint(10, 22))
            if n < notes and rng.random() < 0.5:
                n += 1
                s += f"[^{n}]"
                note = " ".join(sentence(rng, rng.randint(6, 20)) for _ in range(rng.randint(1, 4)))
                defs.append(f"[^{n}]: {note}")
            para.append(s)
        out += [" ".join(para), ""]
    open(path, "w").write("\n".join(out + defs) + "\n")

def patch_styles(xml, columns, header, rule, hyphenate):
    if columns > 1:
        xml = xml.replace('style:footnote-max-height="0in">',
            f'style:footnote-max-height="0in"><style:columns fo:column-count="{columns}" fo:column-gap="0.3in"/>', 1)
    if rule:
        xml = xml.replace('style:line-style="none"', 'style:line-style="solid"', 1)
    if header:
        xml = xml.replace('<style:header-style />',
            '<style:header-style><style:header-footer-properties fo:min-height="0in" fo:margin-bottom="0.2in"/></style:header-style>', 1)
        xml = xml.replace('style:page-layout-name="Mpm1">',
            f'style:page-layout-name="Mpm1"><style:header><text:p text:style-name="Header">{header}</text:p></style:header>', 1)
    if hyphenate:
        xml = xml.replace('<style:paragraph-properties fo:hyphenation-ladder-count="no-limit"',
            '<style:paragraph-properties fo:hyphenation-ladder-count="no-limit" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"', 1)
        xml = xml.replace('fo:language="en" fo:country="US"', 'fo:language="en" fo:country="US" fo:hyphenate="true"', 1)
    return xml

def soft_hyphens(text):
    """Puts soft hyphens into the long words of the body and notes (not
    the front matter), so LibreOffice breaks words at line ends the way a
    journal's typesetter does, with no hyphenation dictionary needed."""
    head, sep, body = text.partition("\n---\n")
    def cut(m):
        w = m.group(0)
        return "\u00ad".join(w[i:i + 4] for i in range(0, len(w), 4)) if len(w) >= 9 else w
    return head + sep + re.sub(r"(?<![\[^\w])[a-z]{9,}(?![\w\]])", cut, body)

def make(md, pdf, columns=1, header="", rule=True, hyphenate=True, password=""):
    tmp = tempfile.mkdtemp()
    odt = os.path.join(tmp, "a.odt")
    src = os.path.join(tmp, "a.md")
    text = open(md).read()
    open(src, "w").write(soft_hyphens(text) if hyphenate else text)
    subprocess.run(["pandoc", src, "-o", odt], check=True)
    out = os.path.join(tmp, "b.odt")
    with zipfile.ZipFile(odt) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "styles.xml":
                data = patch_styles(data.decode(), columns, header, rule, hyphenate).encode()
            if item.filename == "content.xml" and hyphenate:
                data = data.decode().replace('fo:language="en"', 'fo:language="en" fo:hyphenate="true"').encode()
            zout.writestr(item, data, compress_type=zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED)
    filt = "pdf"
    if password:
        filt = 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"%s"}}' % password
    subprocess.run(["soffice", "--headless", "--convert-to", filt, "--outdir", tmp, out], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "b.pdf"), pdf)
    shutil.rmtree(tmp)
    print("made", os.path.relpath(pdf, HERE))

def latex(tex, pdf, twocolumn=False, inputs=()):
    """Typesets a LaTeX file with pdflatex (run twice, as LaTeX needs for
    its page numbers), in two columns when asked: the class options
    become [10pt,twocolumn], everything else stays."""
    tmp = tempfile.mkdtemp()
    text = open(tex).read()
    if twocolumn:
        text = re.sub(r"\\documentclass\[[^]]*\]\{article\}", r"\\documentclass[10pt,twocolumn]{article}", text, count=1)
    open(os.path.join(tmp, "a.tex"), "w").write(text)
    for f in inputs:
        shutil.copy(f, tmp)
    for _ in range(2):
        subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "a.tex"], cwd=tmp, check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "a.pdf"), pdf)
    shutil.rmtree(tmp)
    print("made", os.path.relpath(pdf, HERE))

def latex_truth(tex, md, inputs=()):
    """The truth of a LaTeX file for the tests: pandoc reads the LaTeX
    (its \\footnote's become [^n] notes, which the Markdown front end
    reads) and writes Markdown with the title in the front matter."""
    tmp = tempfile.mkdtemp()
    for f in (tex, *inputs):
        # TeX eats the space after a control word ("\\AE schylus" prints
        # "Æschylus"); pandoc keeps it, so it goes before pandoc reads.
        src = re.sub(r"\\(AE|ae|OE|oe)[ \n](?=[A-Za-z])", r"\\\1{}", open(f).read())
        open(os.path.join(tmp, os.path.basename(f)), "w").write(src)
    subprocess.run(["pandoc", "-s", "-f", "latex", "-t", "markdown", os.path.basename(tex), "-o", os.path.abspath(md)], cwd=tmp, check=True)
    shutil.rmtree(tmp)
    # Small capitals are a style the Markdown front end does not read:
    # pandoc's [Athens]{.smallcaps} is the word.
    text = re.sub(r"\[([^\]]*)\]\{\.smallcaps\}", r"\1", open(md).read())
    # A note that opens a sentence (Hume's "endured. [^9]The same") keeps
    # the space before it in print; the Markdown reader takes a space
    # before a marker as the marker's, so it goes after.
    text = re.sub(r"(?<!\n)[ \n](\[\^\d+\])(?=[^\s:])", r"\1 ", text)
    # A verse line's hard break (a backslash at the line end) is a space
    # to the Markdown reader, as the line end is in print.
    text = re.sub(r"\\\n", "\n", text)
    open(md, "w").write(text)
    print("made", os.path.relpath(md, HERE))

def raw_pdf(path, objects):
    """Writes a PDF from object bodies (1-based), with a correct xref."""
    out = b"%PDF-1.4\n"
    offs = []
    for i, body in enumerate(objects, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, x)
    open(path, "wb").write(out)
    print("made", os.path.relpath(path, HERE))

def scan_pdf(path):
    """Two pages that are pictures only (a grey 16x16 image each), like a
    scanner's output: no text layer."""
    img = bytes((x * 16) % 256 for x in range(256))
    content = b"q 400 0 0 500 100 150 cm /Im1 Do Q"
    raw_pdf(path, [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 6 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 256 >>\nstream\n" + img + b"\nendstream",
    ])

if __name__ == "__main__":
    os.chdir(HERE)
    bench_md("long.md")
    make("treaty.md", "treaty-1col.pdf", header="Journal of Test Law 12 (2026)")
    make("treaty.md", "treaty-2col.pdf", columns=2, header="Journal of Test Law 12 (2026)")
    make("long.md", "long-40pages.pdf", header="Timing Review")
    make("treaty.md", "treaty-password.pdf", password="glossa")
    scan_pdf("scan.pdf")
    # LaTeX: an article written for these tests, in one and two columns,
    # and two real texts (Hume, "The Sceptic", and Montaigne, "That to
    # Study Philosophy is to Learn to Die", public domain; see README.md).
    latex("withdrawal.tex", "withdrawal-1col.pdf")
    latex("withdrawal.tex", "withdrawal-2col.pdf", twocolumn=True)
    latex_truth("withdrawal.tex", "withdrawal.md")
    latex("hume-sceptic.tex", "hume-sceptic.pdf", inputs=["hume-sceptic-text.tex"])
    latex_truth("hume-sceptic.tex", "hume-sceptic.md", inputs=["hume-sceptic-text.tex"])
    latex("montaigne-learntodie.tex", "montaigne-learntodie.pdf", inputs=["montaigne-learntodie-text.tex"])
    latex_truth("montaigne-learntodie.tex", "montaigne-learntodie.md", inputs=["montaigne-learntodie-text.tex"])
    # A real text: chapter 1 of Lawrence Lessig's Free Culture (CC BY-NC
    # 1.0), the Word file made from it in app/article/formats/testdata/real,
    # printed by LibreOffice as Word would print it.
    real = os.path.join(HERE, "..", "..", "app", "article", "formats", "testdata", "real", "free-culture-piracy.docx")
    tmp = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, real], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "free-culture-piracy.pdf"), "free-culture-piracy.pdf")
    shutil.rmtree(tmp)
    print("made free-culture-piracy.pdf")
