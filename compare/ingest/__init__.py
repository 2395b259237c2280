"""Import stage: plain text or an HTML page to a `Declaration`, with notices; and back to text.

Owns decoding and byte checks (`decode`), the layout of plain-text lines into a title and blocks
(`lines`, `pages`, `layout`), reading web pages (`html_*`), metadata from the text and the options
(`preamble`, `meta`), sentence segmentation (`segment`) and the assembly of blocks into numbered
paragraphs and items (`assemble`). Imports the shared core and `compare.store`.

Entry points: `import_file`, `parse_text`, `parse_html`, `to_text` (export).
"""

from .importer import Notice, Overrides, import_file, parse_html, parse_text, to_text

__all__ = ["Notice", "Overrides", "import_file", "parse_html", "parse_text", "to_text"]
