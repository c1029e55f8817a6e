# SPDX-License-Identifier: GPL-3.0-or-later
"""Build small DOCX, ODT and EPUB files in tests, part by part, as their specs lay them out.

For what no library writes (footnotes, tracked changes, text boxes, hostile
parts): each builder takes the XML of the parts that matter and wraps it in the
package a real file has, so a test reads like the document it makes.
"""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f'xmlns:w="{W_NS}"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def zip_bytes(members: dict[str, bytes | str], *, stored: tuple[str, ...] = ("mimetype",)) -> bytes:
    """A zip of ``members`` in the given order; ``stored`` ones uncompressed (ODF, EPUB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            kind = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=kind)
    return buffer.getvalue()


def p(text: str, style: str | None = None) -> str:
    """A WordprocessingML paragraph of one run (``style``: a paragraph style id)."""
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def docx_bytes(
    body: str,
    *,
    styles: str = "",
    footnotes: str | None = None,
    endnotes: str | None = None,
    comments: str | None = None,
    header: str | None = None,
    footer: str | None = None,
    numbering: str | None = None,
    document_prefix: str = "",
) -> bytes:
    """A Word document whose body is ``body`` (WordprocessingML blocks) and the given parts.

    ``footnotes``/``endnotes``/``comments``/``numbering`` are the parts' children; ``header`` and
    ``footer`` their paragraphs; ``document_prefix`` goes before the root (a DTD).
    """
    parts = {
        "footnotes": footnotes,
        "endnotes": endnotes,
        "comments": comments,
        "header": header,
        "footer": footer,
        "numbering": numbering,
    }
    roots = {"header": "hdr", "footer": "ftr"}
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": content_types(),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?>{document_prefix}'
            f"<w:document {_W} {_MC}><w:body>{body}</w:body></w:document>"
        ),
        "word/styles.xml": f"<w:styles {_W}>{styles}</w:styles>",
    }
    rels = [f'<Relationship Id="rS" Type="{_REL}/styles" Target="styles.xml"/>']
    for n, (kind, content) in enumerate(parts.items()):
        if content is None:
            continue
        root = roots.get(kind, kind)
        members[f"word/{kind}.xml"] = f"<w:{root} {_W}>{content}</w:{root}>"
        rels.append(f'<Relationship Id="r{n}" Type="{_REL}/{kind}" Target="{kind}.xml"/>')
    members["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels)
        + "</Relationships>"
    )
    return zip_bytes(members)


def content_types() -> str:
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    )


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)


def odt_bytes(body: str, *, master_pages: str = "", manifest_extra: str = "") -> bytes:
    """An OpenDocument text whose ``office:text`` holds ``body``."""
    return zip_bytes(
        {
            "mimetype": "application/vnd.oasis.opendocument.text",
            "content.xml": (
                f"<office:document-content {_ODF_NS}><office:body><office:text>{body}"
                "</office:text></office:body></office:document-content>"
            ),
            "styles.xml": (
                f"<office:document-styles {_ODF_NS}><office:master-styles>{master_pages}"
                "</office:master-styles></office:document-styles>"
            ),
            "META-INF/manifest.xml": (
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                f"{manifest_extra}</manifest:file-entry></manifest:manifest>"
            ),
        }
    )


def epub_bytes(
    chapters: dict[str, str],
    spine: list[str],
    *,
    opf_dir: str = "OEBPS",
    extra: dict[str, bytes | str] | None = None,
    styles: dict[str, str] | None = None,
) -> bytes:
    """An EPUB of XHTML ``chapters`` (href → body markup) read in ``spine`` order.

    ``styles`` are stylesheets (href → CSS) the manifest lists.
    """
    items = "".join(
        f'<item id="c{n}" href="{href}" media-type="application/xhtml+xml"/>'
        for n, href in enumerate(chapters)
    ) + "".join(
        f'<item id="s{n}" href="{href}" media-type="text/css"/>'
        for n, href in enumerate(styles or {})
    )
    ids = {href: f"c{n}" for n, href in enumerate(chapters)}
    refs = "".join(f'<itemref idref="{ids[href]}"/>' for href in spine)
    members: dict[str, bytes | str] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": (
            '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            f'<rootfiles><rootfile full-path="{opf_dir}/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>'
        ),
        f"{opf_dir}/content.opf": (
            '<package version="3.0" xmlns="http://www.idpf.org/2007/opf">'
            f"<manifest>{items}</manifest><spine>{refs}</spine></package>"
        ),
    }
    for href, body in chapters.items():
        members[f"{opf_dir}/{href}"] = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Chapter</title></head>'
            f"<body>{body}</body></html>"
        )
    for href, css in (styles or {}).items():
        members[f"{opf_dir}/{href}"] = css
    members.update(extra or {})
    return zip_bytes(members)
