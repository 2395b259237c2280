"""Import stage: plain text or an HTML page to a `Declaration`, with notices; and back to text.

Owns decoding and byte checks (`decode`), the layout of plain-text lines into a title and blocks
(`lines`, `pages`, `layout`), reading web pages (`html_*`), metadata from the text and the options
(`preamble`, `meta`), sentence segmentation (`segment`) and the assembly of blocks into numbered
paragraphs and items (`assemble`). Imports the shared core and `compare.store`.

What is the text's and what the page's: a translator's or editor's note about the text's words
is the text's content, a paragraph wherever it stands, and so is any note inside the text; what
the site or the copy adds around the text (banners, menus, stamps, the site's talk of itself, a
line or an editor's note saying the copy is unofficial or a sample) is furniture, kept outside
the body; labelled header fields (`[Notes] ...`) are metadata (`signals`, `sitetalk`, `labels`).

Entry points: `import_file`, `parse_text`, `parse_html`, `to_text` (export).
"""

from .importer import Notice, Overrides, import_file, parse_html, parse_text, to_text

__all__ = ["Notice", "Overrides", "import_file", "parse_html", "parse_text", "to_text"]
