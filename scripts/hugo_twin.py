"""A faithful Hugo twin of the shipped Versus site, so that the benchmark compares like with like.

    python3 scripts/hugo_twin.py --content content --target /dev/shm/hugo-ref/site [--locales en,tr] [--family smtp]
    hugo --quiet -s /dev/shm/hugo-ref/site -d /dev/shm/hugo-ref/hugo-out
    python3 scripts/hugo_twin.py --compare VERSUS_OUT HUGO_OUT

The twin makes Hugo do the work Versus does, the way a Hugo site would do it:
- every code is a content file per locale whose sections are Markdown (shortcodes wrap each section
  so a fallback to English can be marked, as Versus marks it); Goldmark renders them once, as `.Content`;
- every pair of codes is a content file per locale; its layout reaches both codes with `site.GetPage`
  and cuts their "How to fix" section out of their cached `.Content` (never pasted Markdown), and
  reasons the "Key differences" from their facts with `i18n` strings, as Versus's KeyDifferences does;
- the reverse order of a pair is an `aliases` entry, which Hugo writes as a redirect page;
- labels and generated sentences are `i18n/LOCALE.yaml`, converted from content/locales/*.yml;
- shared fragments (facts, pickers, code lists, a code's comparison column) are `partialCached`.
What stays in Python is what a Hugo site keeps in its content files: the facts in front matter, and
each page's title and description (Versus picks them from length-limited patterns, which Hugo's
i18n cannot express as a list).
"""
import argparse
import json
import os
import pathlib
import re
import shutil
import statistics
import sys

import yaml

SECTION_IDS = ["description", "when_you_see_it", "how_to_fix", "providers", "example", "notes"]
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


# ----------------------------------------------------------------------------------------------------
# Reading the content


def split_front_matter(text):
    """A `---` YAML block, then Markdown."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 4)
    return yaml.load(Loader=LOADER, stream=text[4:end]) or {}, text[end + 5:]


def split_sections(body):
    """`## Heading` blocks in order, as (heading, markdown)."""
    sections = []
    for line in body.splitlines(keepends=True):
        if line.startswith("## "):
            sections.append([line[3:].strip(), ""])
        elif sections:
            sections[-1][1] += line
    return [(heading, markdown.strip("\n") + "\n") for heading, markdown in sections]


def get(tree, dotted, default=None):
    for part in dotted.split("."):
        if not isinstance(tree, dict) or part not in tree:
            return default
        tree = tree[part]
    return tree


class Strings:
    """A locale's strings with the default locale's as fallback, as Versus's LocaleText."""

    def __init__(self, own, fallback):
        self.own, self.fallback = own, fallback

    def raw(self, key):
        value = get(self.own, key)
        return value if value is not None else get(self.fallback, key)

    def text(self, key, values=None):
        value = self.raw(key)
        if isinstance(value, dict):
            value = value.get("other", "")
        if isinstance(value, list):
            value = value[0]
        return fill(value or "", values or {})

    def fitting(self, key, values, limit):
        """The first pattern whose placeholders all have values and that fits the limit."""
        patterns = self.raw(key)
        patterns = patterns if isinstance(patterns, list) else [patterns]
        shortest = None
        for pattern in patterns:
            names = re.findall(r"\{(\w+)\}", pattern)
            if not all(values.get(name) for name in names):
                continue
            candidate = fill(pattern, values)
            if len(candidate) <= limit:
                return candidate
            if shortest is None or len(candidate) < len(shortest):
                shortest = candidate
        return shortest or ""


def fill(pattern, values):
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), "")), pattern)


def slugify(title):
    """Versus's Slug.make: ASCII letters and digits, accents dropped, anything else a separator."""
    import unicodedata
    spelled = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ŋ": "n", "ħ": "h"}
    slug, pending = "", False
    for ch in title.lower():
        letters = spelled.get(ch)
        if letters is None:
            letters = ""
            for s in unicodedata.normalize("NFD", ch):
                if s.isascii() and s.isalnum():
                    letters += s
                elif not 0x300 <= ord(s) <= 0x36F:
                    letters = ""
                    break
        if not letters:
            pending = True
            continue
        if pending and slug:
            slug += "-"
        slug += letters
        pending = False
    return slug


def url_form(code):
    return "".join(c if c.isascii() and c.isalnum() else "-" for c in code.lower())


def load(content, locale_filter, family_filter):
    content = pathlib.Path(content)
    site = yaml.load(Loader=LOADER, stream=(content / "site.yml").read_text())
    locales = site["locales"]
    if locale_filter:
        locales = [l for l in locales if l["code"] in locale_filter]
    strings = {}
    english = yaml.load(Loader=LOADER, stream=(content / "locales" / "en.yml").read_text())
    for info in locales:
        own = yaml.load(Loader=LOADER, stream=(content / "locales" / f"{info['code']}.yml").read_text())
        strings[info["code"]] = Strings(own, english)
    families = []
    for folder in sorted(content.iterdir()):
        if not (folder / "family.yml").exists():
            continue
        family = yaml.load(Loader=LOADER, stream=(folder / "family.yml").read_text())
        family["id"] = folder.name
        pattern = re.compile(family["code_pattern"])
        codes = []
        for path in folder.glob("*.md"):
            # "550.md", "X.1.1.md": the English file of a code; "550.tr.md" is read with it below.
            if re.fullmatch(family["code_pattern"], path.name[:-3]):
                meta, body = split_front_matter(path.read_text())
                code = str(meta["code"])
                match = pattern.fullmatch(code)
                meta["class_key"] = match.group(1) if match.groups() else code[0]
                meta["sections"] = split_sections(body)
                meta["slug"] = meta.get("slug") or slugify(meta["title"])
                meta["path_name"] = url_form(code) + "-" + meta["slug"]
                meta["translations"] = {}
                for info in locales:
                    tpath = folder / f"{path.name[:-3]}.{info['code']}.md"
                    if tpath.exists():
                        tmeta, tbody = split_front_matter(tpath.read_text())
                        tmeta["sections"] = split_sections(tbody)
                        meta["translations"][info["code"]] = tmeta
                codes.append(meta)

        # Codes in numeric order of their parts (X.1.10 after X.1.2), as Versus sorts them.
        def order(meta):
            return [int(p) if p.isdigit() else -1 for p in str(meta["code"]).split(".")]
        codes.sort(key=order)
        family["codes"] = codes
        notes = {}
        for path in (folder / "pairs").glob("*.md") if (folder / "pairs").exists() else []:
            # "450-550.md", "450-550.tr.md", "X.1.1-X.1.2.md": the locale is the last dotted part when known.
            locale = site.get("default_locale", "en")
            stem = path.name[:-3]
            for info in site["locales"]:
                if stem.endswith("." + info["code"]):
                    locale, stem = info["code"], stem[: -len(info["code"]) - 1]
                    break
            low, high = stem.split("-", 1)
            meta, body = split_front_matter(path.read_text())
            notes.setdefault((low, high), {})[locale] = (meta, split_sections(body))
        family["notes"] = notes
        families.append(family)
    families.sort(key=lambda f: f["order"])
    # Links between families: the codes a code names in used_with, and the codes that name it.
    for family in families:
        for meta in family["codes"]:
            meta["links"] = []
    # Each code's own list first, then the codes that name it, in the order Versus shows them.
    backlinks = []
    for family in families:
        for meta in family["codes"]:
            for shown in meta.get("used_with") or []:
                shown = str(shown)
                target = find_target(families, family["id"], shown)
                add_link(meta, shown, target)
                if target:
                    other_family, other = target
                    # Shown on the other side as the code that names it; an enhanced code is
                    # shown in the class of the reply code it is sent with (X.1.1 with 450: 4.1.1).
                    back = str(meta["code"])
                    if str(other["code"])[0] in "2345" and str(meta["code"]).startswith("X"):
                        variant = str(other["code"])[0] + str(meta["code"])[1:]
                        if variant in [str(v) for v in meta.get("variants") or []]:
                            back = variant
                    backlinks.append((other, back, (family["id"], meta)))
    for other, back, source in backlinks:
        add_link(other, back, source)
    if family_filter:
        families = [f for f in families if f["id"] in family_filter]
    return site, locales, strings, families


def find_target(families, own_family, shown):
    for family in families:
        if family["id"] == own_family:
            continue
        for meta in family["codes"]:
            code = str(meta["code"])
            if code == shown or (code.startswith("X") and shown[0] in "245" and shown[1:] == code[1:]):
                return family["id"], meta
    return None


def add_link(meta, shown, target):
    if any(link["shown"] == shown for link in meta["links"]):
        return
    meta["links"].append({"shown": shown, "path": f"/{target[0]}/{target[1]['path_name']}" if target else ""})


# ----------------------------------------------------------------------------------------------------
# Writing the Hugo site


def outcome(meta):
    digits = {c[0] for c in [str(meta["code"])] + [str(v) for v in meta.get("variants") or []] if c[0] in "2345"}
    return {frozenset("2"): "completed", frozenset("3"): "intermediate", frozenset("4"): "transient",
            frozenset("5"): "permanent", frozenset("45"): "transient_or_permanent"}.get(
        frozenset(digits), "any" if digits else "")


def section_id(heading, text):
    """A section's id from its heading, in the file's own locale or in English (as Versus accepts both)."""
    for sid in SECTION_IDS:
        if heading.lower() in (str(text.raw("sections." + sid)).lower(), str(get(text.fallback, "sections." + sid)).lower()):
            return sid
    return None


# libyaml's emitter and parser when PyYAML has them: the pure-Python ones take minutes on 90,000 files.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def yaml_dump(data):
    return yaml.dump(data, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def to_go_template(value):
    """A Versus sentence ("{code} is ...") as a go-i18n template ("{{ .code }} is ...")."""
    value = value.replace("{{", "{ {")
    return re.sub(r"\{(\w+)\}", lambda m: "{{ .Count }}" if m.group(1) == "count" else "{{ ." + m.group(1) + " }}", value)


def flatten(tree, prefix, out):
    for key, value in tree.items():
        name = f"{prefix}_{key}" if prefix else str(key)
        if isinstance(value, dict) and set(value) <= PLURAL_FORMS:
            out[name] = {form: to_go_template(str(text)) for form, text in value.items()}
        elif isinstance(value, dict):
            flatten(value, name, out)
        elif isinstance(value, list):
            continue  # length-limited alternatives: chosen in Python (titles, descriptions)
        else:
            out[name] = to_go_template(str(value))


def build(args):
    locale_filter = set(args.locales.split(",")) if args.locales else None
    family_filter = set(args.family.split(",")) if args.family else None
    site, locales, strings, families = load(args.content, locale_filter, family_filter)
    target = pathlib.Path(args.target)
    if target.exists():
        shutil.rmtree(target)
    templates = pathlib.Path(args.content).resolve().parent / "templates"
    default = site.get("default_locale", "en")
    title_limit = site.get("title_length", 60)
    description_limit = site.get("description_length", 160)
    english_name = next(l["name"] for l in site["locales"] if l["code"] == default)

    # Configuration: one language per locale, the default at the root, a content folder each.
    config = {
        "baseURL": site["base_url"],
        "title": "SMTP Reply Codes",
        "defaultContentLanguage": default,
        "defaultContentLanguageInSubdir": False,
        "disableKinds": ["taxonomy", "term", "RSS"],
        "enableRobotsTXT": True,
        "markup": {"goldmark": {"renderer": {"unsafe": True}, "parser": {"autoHeadingID": False}}},
        "outputFormats": {
            "SearchIndex": {"mediaType": "application/json", "baseName": "search-index", "isPlainText": True, "notAlternative": True},
            "SearchText": {"mediaType": "application/json", "baseName": "search-text", "isPlainText": True, "notAlternative": True},
        },
        "outputs": {"home": ["HTML", "SearchIndex", "SearchText"], "section": ["HTML"], "page": ["HTML"]},
        "sitemap": {"changefreq": "", "priority": -1, "filename": "sitemap.xml"},
        "languages": {},
    }
    for weight, info in enumerate(locales, 1):
        config["languages"][info["code"]] = {
            "languageName": info["name"], "weight": weight, "contentDir": f"content/{info['code']}",
            "languageDirection": info.get("direction", "ltr"),
            "params": {"og_locale": info.get("og_locale", ""), "dir": info.get("direction", "ltr")},
        }
    write(target / "config.yaml", yaml_dump(config))

    # i18n: the locale's labels and sentences, flattened to one level ("labels_facts"), plus the
    # family strings (class names, headings, family sentences) and the list joiner Versus derives.
    for info in locales:
        code = info["code"]
        text = strings[code]
        out = {}
        flatten(text.own, "", out)
        mark = text.text("values.list_separator")
        full_width = mark and all(0x3000 <= ord(c) <= 0x303F or 0xFF00 <= ord(c) <= 0xFFEF for c in mark)
        out["list_joiner"] = mark if full_width else mark + " "
        for family in families:
            fid = family["id"]
            for key, names in family["classes"].items():
                out[f"class_{fid}_{key}"] = names.get(code) or names.get(default)
            short = family.get("short_name") or {}
            out[f"family_short_{fid}"] = (short.get(code) or short.get(default)) if short else family["name"]
            heading = family.get("heading") or {}
            out[f"family_heading_{fid}"] = (heading.get(code) or heading.get(default)) if heading else \
                text.text("pages.family_title", {"family": family["name"]})
            for key in ("compare_summary_same_class", "compare_summary_different_class", "code_class"):
                own = get(family, f"sentences.{key}") or {}
                out[f"fam_{fid}_{key}"] = to_go_template(own.get(code) or own.get(default) or text.raw("sentences." + key))
        # The English name, so "shown in English" notes read the same.
        out["default_language_name"] = english_name
        write(target / "i18n" / f"{code}.yaml", yaml_dump(out))

    # Assets: Hugo Pipes fingerprints them, as Versus names them by their content.
    for asset in (templates / "assets").iterdir():
        dest = target / "assets" / "assets" / asset.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(asset, dest)

    write_layouts(target)
    pages = 0
    for info in locales:
        code = info["code"]
        text = strings[code]
        root = target / "content" / code
        write(root / "_index.md", "---\n" + yaml_dump({
            "title": text.fitting("pages.home_title", {"site": text.text("site.title")}, title_limit),
            "description": text.text("pages.home_description", {"site": text.text("site.title")}),
        }) + "---\n")
        write(root / "decode.md", "---\n" + yaml_dump({
            "title": text.text("decoder.title"), "description": text.text("decoder.description"),
            "type": "decoder", "translated": True,
        }) + "---\n")
        # The comparisons folder is not a page of its own, only a place for the pairs.
        write(root / "compare" / "_index.md", "---\n" + yaml_dump({"_build": {"render": "never", "list": "local"}}) + "---\n")
        for family in families:
            pages += write_family(root, family, families, info, text, default, title_limit, description_limit)
    print(f"hugo_twin: wrote {pages} content files under {target}", file=sys.stderr)


def code_values(family, meta, text, locale, default):
    translation = meta["translations"].get(locale, {}) if locale != default else {}
    title = translation.get("title") or meta["title"]
    summary = translation.get("summary") or meta.get("summary") or ""
    return translation, title, summary


def write_family(root, family, families, info, text, default, title_limit, description_limit):
    locale = info["code"]
    fid = family["id"]
    codes = family["codes"]
    count = 0
    write(root / fid / "_index.md", "---\n" + yaml_dump({
        "title": text.fitting("pages.family_title", {"family": family["name"]}, title_limit)
        if not family.get("heading") else (family["heading"].get(locale) or family["heading"][default]),
        "description": (family.get("description") or {}).get(locale) or text.text("pages.family_description", {"family": family["name"]}),
        "type": "family", "family": fid, "family_name": family["name"], "weight": family["order"],
    }) + "---\n")
    index = {str(m["code"]): i for i, m in enumerate(codes)}
    for meta in codes:
        translation, title, summary = code_values(family, meta, text, locale, default)
        code = str(meta["code"])
        class_range = family["class_range"].replace("{class}", meta["class_key"])
        # Comparisons on a code's page: its related codes first, then its class, then the rest.
        related = [str(r) for r in meta.get("related") or [] if str(r) in index]
        same = [str(m["code"]) for m in codes if m["class_key"] == meta["class_key"] and str(m["code"]) != code and str(m["code"]) not in related]
        rest = [str(m["code"]) for m in codes if m["class_key"] != meta["class_key"] and str(m["code"]) not in related]
        comparisons = []
        for other in sorted(related, key=index.get) + same + rest:
            om = codes[index[other]]
            low, high = (meta, om) if index[code] < index[other] else (om, meta)
            comparisons.append([f"/{fid}/{om['path_name']}", f"/compare/{fid}/{low['path_name']}-vs-{high['path_name']}/"])
        values = {"family": family["name"], "code": code, "title": title, "summary": summary,
                  "class_sentence": ""}
        front = {
            "title": text.fitting("pages.code_title", values, title_limit),
            "description": text.fitting("pages.code_description", values, description_limit),
            "type": "code", "family": fid, "family_name": family["name"], "weight": index[code] + 1,
            "code": code, "code_title": title, "title_lang": "" if locale == default or translation.get("title") else default,
            "summary": summary, "summary_lang": "" if locale == default or translation.get("summary") else default,
            "path_name": meta["path_name"], "class_key": meta["class_key"], "class_range": class_range,
            "status": meta.get("status", "standard"), "status_key": meta.get("status", "standard").replace("-", "_"),
            "outcome": outcome(meta),
            "variants": [str(v) for v in meta.get("variants") or []],
            "commands": [str(c) for c in meta.get("commands") or []],
            "rfcs": [str(r).split(" ", 1) for r in meta.get("rfcs") or []],
            "links": meta["links"],
            "sources": meta.get("sources") or [],
            "send_when": translation.get("send_when") or meta.get("send_when") or "",
            "send_when_lang": "" if locale == default or translation.get("send_when") or not meta.get("send_when") else default,
            "sender_action": translation.get("sender_action") or meta.get("sender_action") or "",
            "sender_action_lang": "" if locale == default or translation.get("sender_action") or not meta.get("sender_action") else default,
            "related": [f"/{fid}/{codes[index[r]]['path_name']}" for r in related],
            "comparisons": comparisons,
            "translated": locale == default or bool(translation),
        }
        if meta.get("retry"):
            front["retry"] = meta["retry"].replace("-", "_")
        if meta.get("closes_connection") is not None:
            front["closes"] = bool(meta["closes_connection"])
        # Sections: the translation's where it has them, else English marked with its language.
        own = {}
        for i, (heading, markdown) in enumerate(translation.get("sections", [])):
            sid = section_id(heading, text)
            if sid:
                own[sid] = markdown
        english = {}
        for i, (heading, markdown) in enumerate(meta["sections"]):
            sid = section_id(heading, Strings({}, text.fallback))
            if sid:
                english[sid] = markdown
        body = ""
        for sid in SECTION_IDS:
            if sid not in english:
                continue
            lang = "" if sid in own or locale == default else default
            body += f'{{{{< section id="{sid}" lang="{lang}" >}}}}\n{own.get(sid, english[sid])}{{{{< /section >}}}}\n\n'
        write(root / fid / f"{meta['path_name']}.md", "---\n" + yaml_dump(front) + "---\n" + body)
        count += 1

    for i, a in enumerate(codes):
        for b in codes[i + 1:]:
            count += write_pair(root, family, a, b, info, text, default, title_limit, description_limit)
    return count


def write_pair(root, family, a, b, info, text, default, title_limit, description_limit):
    locale = info["code"]
    fid = family["id"]
    ta, title_a, _ = code_values(family, a, text, locale, default)
    tb, title_b, _ = code_values(family, b, text, locale, default)
    ca, cb = str(a["code"]), str(b["code"])

    def class_label(meta):
        name = family["classes"][meta["class_key"]]
        return text.text("classes.label", {"range": family["class_range"].replace("{class}", meta["class_key"]),
                                           "name": name.get(locale) or name.get(default)})

    def family_sentence(key, values):
        own = get(family, f"sentences.{key}") or {}
        return fill(own.get(locale) or own.get(default) or text.raw("sentences." + key), values)

    if a["class_key"] == b["class_key"]:
        summary = family_sentence("compare_summary_same_class", {"code_a": ca, "title_a": title_a, "code_b": cb, "title_b": title_b, "class": class_label(a)})
    else:
        summary = family_sentence("compare_summary_different_class", {"code_a": ca, "title_a": title_a, "class_a": class_label(a),
                                                                     "code_b": cb, "title_b": title_b, "class_b": class_label(b)})
    retry = ""
    if a.get("retry") and b.get("retry"):
        label_a, label_b = text.text("retry." + a["retry"].replace("-", "_")), text.text("retry." + b["retry"].replace("-", "_"))
        if a["retry"] != b["retry"]:
            retry = text.text("sentences.compare_retry_differs", {"code_a": ca, "retry_a": label_a, "code_b": cb, "retry_b": label_b})
        elif a["retry"] != "not-needed":
            retry = text.text("sentences.compare_retry_same", {"code_a": ca, "code_b": cb, "retry": label_a})
    values = {"family": family["name"], "code_a": ca, "title_a": title_a, "code_b": cb, "title_b": title_b,
              "shared_title": title_a if title_a == title_b else "", "summary": summary, "retry": retry}
    low, high = a["path_name"], b["path_name"]
    prefix = "" if locale == default else f"/{locale}"
    front = {
        "title": text.fitting("pages.compare_title", values, title_limit),
        "description": text.fitting("pages.compare_description", values, description_limit),
        "type": "compare", "family": fid, "family_name": family["name"],
        "a": f"/{fid}/{low}", "b": f"/{fid}/{high}",
        "aliases": [f"{prefix}/compare/{fid}/{high}-vs-{low}/"],
        "translated": locale == default or (bool(ta) and bool(tb)),
    }
    notes = family["notes"].get((ca, cb), {})
    note_locale = locale if locale in notes else default
    body = ""
    if note_locale in notes:
        meta, sections = notes[note_locale]
        own_meta = notes.get(locale, (None,))[0] or {}
        confusion = own_meta.get("confusion") or notes.get(default, ({},))[0].get("confusion")
        if confusion:
            front["confusion"] = confusion
            front["confusion_lang"] = "" if own_meta.get("confusion") or locale == default else default
        lang = "" if note_locale == locale else default
        for i, (heading, markdown) in enumerate(sections):
            kind = "difference" if i == 0 else "when"
            body += f'{{{{< pairnote part="{kind}" lang="{lang}" >}}}}\n{markdown}{{{{< /pairnote >}}}}\n\n'
        front["curated_when"] = len(sections) > 1
    write(root / "compare" / fid / f"{low}-vs-{high}.md", "---\n" + yaml_dump(front) + "---\n" + body)
    return 1


# ----------------------------------------------------------------------------------------------------
# Layouts (Go templates), written verbatim


LAYOUTS = {}

LAYOUTS["_default/baseof.html"] = """{{- /* The trail is needed twice (JSON-LD and the breadcrumb nav): computed once per page. */ -}}
{{- .Scratch.Set "crumbs" (partial "crumbs.html" .) -}}
<!DOCTYPE html>
<html lang="{{ .Lang }}" dir="{{ .Language.Params.dir }}">
<head>
{{ partial "head.html" . -}}
</head>
<body>
{{ partial "header.html" . -}}
{{ block "main" . }}{{ end -}}
<footer class="site-footer">
<p>{{ T "site_footer" }}</p>
</footer>
</body>
</html>
"""

# The head: alternates from .AllTranslations (only translated pages are indexed and named, as in
# Versus), Open Graph, fingerprinted assets through Hugo Pipes, and JSON-LD built with dict/jsonify.
LAYOUTS["partials/head.html"] = """<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title>
<meta name="description" content="{{ .Description }}">
{{- $indexable := and (ne .Kind "404") (ne .Params.translated false) }}
{{- if $indexable }}
<link rel="canonical" href="{{ .Permalink }}">
{{- range .AllTranslations }}{{ if ne .Params.translated false }}
<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">
{{- end }}{{ end }}
{{- range first 1 .AllTranslations }}
<link rel="alternate" hreflang="x-default" href="{{ .Permalink }}">
{{- end }}
{{- else }}
<meta name="robots" content="noindex">
{{- end }}
<meta property="og:title" content="{{ .Title }}">
<meta property="og:description" content="{{ .Description }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{{ T "site_title" }}">
<meta property="og:locale" content="{{ .Language.Params.og_locale }}">
{{- if $indexable }}{{ range .Translations }}{{ if ne .Params.translated false }}
<meta property="og:locale:alternate" content="{{ .Language.Params.og_locale }}">
{{- end }}{{ end }}{{ end }}
{{- $card := resources.Get "assets/social-card.png" | fingerprint "md5" }}
<meta property="og:image" content="{{ $card.Permalink }}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="630">
<meta name="twitter:card" content="summary_large_image">
<link rel="icon" href="{{ (resources.Get "assets/icon.svg" | fingerprint "md5").RelPermalink }}" type="image/svg+xml">
<link rel="icon" href="{{ (resources.Get "assets/favicon.ico" | fingerprint "md5").RelPermalink }}" sizes="32x32">
<meta name="color-scheme" content="light dark">
<script>document.documentElement.classList.add("js")</script>
<link rel="stylesheet" href="{{ (resources.Get "assets/style.css" | fingerprint "md5").RelPermalink }}">
{{- $crumbs := .Scratch.Get "crumbs" }}
{{- $items := slice }}
{{- range $i, $c := $crumbs }}{{ $items = $items | append (dict "@type" "ListItem" "position" (add $i 1) "name" (index $c 0) "item" (absURL (index $c 1))) }}{{ end }}
{{- $graph := slice (dict "@type" "BreadcrumbList" "itemListElement" $items) }}
{{- if in (slice "code" "compare") .Type }}
{{- $graph = $graph | append (dict "@type" "TechArticle" "headline" .Title "description" .Description "inLanguage" .Lang "url" .Permalink "image" $card.Permalink "publisher" (dict "@type" "Organization" "name" (T "site_title") "url" site.Home.Permalink)) }}
{{- end }}
<script type="application/ld+json">{{ dict "@context" "https://schema.org" "@graph" $graph | jsonify | safeJS }}</script>
<script src="{{ (resources.Get "assets/site.js" | fingerprint "md5").RelPermalink }}" defer></script>
"""

# The trail of a page as (name, URL) pairs, shared by the breadcrumb nav and the JSON-LD.
LAYOUTS["partials/crumbs.html"] = """{{- $home := slice (T "nav_home") ("/" | relLangURL) }}
{{- $c := slice }}
{{- if eq .Type "code" }}
{{- $c = slice $home (slice (T (printf "family_short_%s" .Params.family)) (printf "/%s/" .Params.family | relLangURL)) (slice .Params.code .RelPermalink) }}
{{- else if eq .Type "compare" }}
{{- $a := site.GetPage .Params.a }}{{ $b := site.GetPage .Params.b }}
{{- $c = slice $home (slice (T (printf "family_short_%s" .Params.family)) (printf "/%s/" .Params.family | relLangURL)) (slice (printf "%s / %s" $a.Params.code $b.Params.code) .RelPermalink) }}
{{- else if eq .Type "family" }}
{{- $c = slice $home (slice (T (printf "family_short_%s" .Params.family)) .RelPermalink) }}
{{- else if eq .Type "decoder" }}
{{- $c = slice $home (slice (T "decoder_title") .RelPermalink) }}
{{- else }}
{{- $c = slice $home }}
{{- end }}
{{- return $c }}
"""

LAYOUTS["partials/header.html"] = """<a class="skip" href="#main">{{ T "nav_skip_to_content" }}</a>
<header class="site-header">
<a class="site-title" href="{{ "/" | relLangURL }}">{{ T "site_title" }}</a>
<details class="languages">
<summary>{{ T "nav_languages" }}: <span lang="{{ .Lang }}" dir="{{ .Language.Params.dir }}">{{ .Language.LanguageName }}</span></summary>
<nav aria-label="{{ T "nav_languages" }}">
<ul>
{{- $all := .AllTranslations }}{{ if eq .Kind "404" }}{{ $all = site.Home.AllTranslations }}{{ end }}
{{- range $all }}
<li><a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}" lang="{{ .Lang }}" dir="{{ .Language.Params.dir }}"{{ if eq .Lang $.Lang }} aria-current="page"{{ end }}>{{ .Language.LanguageName }}</a></li>
{{- end }}
</ul>
</nav>
</details>
<form class="search" role="search" data-index="{{ "search-index.json" | relLangURL }}" data-text="{{ "search-text.json" | relLangURL }}" data-empty="{{ T "search_no_results" }}">
<label for="search-input">{{ T "search_label" }}</label>
<input id="search-input" type="search" placeholder="{{ T "search_placeholder" }}">
<ul class="search-results" aria-live="polite"></ul>
</form>
<a class="decoder-link" href="{{ "decode/" | relLangURL }}">{{ T "nav_decoder" }}</a>
</header>
{{- $crumbs := .Scratch.Get "crumbs" }}
{{- if gt (len $crumbs) 1 }}
<nav class="breadcrumbs" aria-label="{{ T "nav_breadcrumb" }}">
<ol>
{{- range $i, $c := $crumbs }}
<li>{{ if eq (add $i 1) (len $crumbs) }}<span aria-current="page">{{ index $c 0 }}</span>{{ else }}<a href="{{ index $c 1 }}">{{ index $c 0 }}</a>{{ end }}</li>
{{- end }}
</ol>
</nav>
{{- end }}
"""

# One code's facts in the page's language, computed once per code and locale (partialCached by
# the code page's URL) and shared by its own page and all of its comparisons.
LAYOUTS["partials/facts.html"] = """{{- $p := .Params }}
{{- $j := T "list_joiner" }}
{{- $classLabel := T "classes_label" (dict "range" $p.class_range "name" (T (printf "class_%s_%s" $p.family $p.class_key))) }}
{{- $status := T (printf "status_%s" $p.status_key) }}
{{- $retry := "" }}{{ with $p.retry }}{{ $retry = T (printf "retry_%s" .) }}{{ end }}
{{- $closes := "" }}{{ if isset $p "closes" }}{{ $closes = cond $p.closes (T "values_yes") (T "values_no") }}{{ end }}
{{- $none := T "values_none" | htmlEscape }}
{{- $cmds := slice }}{{ range $p.commands }}{{ if eq . "greeting" }}{{ $cmds = $cmds | append (T "values_greeting" | htmlEscape) }}{{ else }}{{ $cmds = $cmds | append (printf "<code>%s</code>" (htmlEscape .)) }}{{ end }}{{ end }}
{{- $commands := cond (gt (len $cmds) 0) (delimit $cmds $j) $none }}
{{- $rs := slice }}{{ range $p.rfcs }}{{ $n := index . 0 }}{{ $name := T "values_rfc" (dict "rfc" $n) }}{{ $url := printf "https://www.rfc-editor.org/rfc/rfc%s" $n }}{{ if gt (len .) 1 }}{{ $name = T "values_rfc_section" (dict "rfc" $n "section" (index . 1)) }}{{ $url = printf "%s#%s%s" $url (cond (gt (len (findRE "^[0-9]" (index . 1) 1)) 0) "section-" "") (index . 1) }}{{ end }}{{ $rs = $rs | append (printf "<a href=\\"%s\\">%s</a>" $url (replace (htmlEscape $name) (printf "RFC %s" $n) (printf "RFC %s" $n))) }}{{ end }}
{{- $rfcs := cond (gt (len $rs) 0) (delimit $rs $j) $none }}
{{- $us := slice }}{{ range $p.links }}{{ $c := printf "<code dir=\\"ltr\\">%s</code>" (htmlEscape .shown) }}{{ if .path }}{{ $c = printf "<a href=\\"%s\\">%s</a>" (relLangURL (printf "%s/" .path)) $c }}{{ end }}{{ $us = $us | append $c }}{{ end }}
{{- $used := cond (gt (len $us) 0) (delimit $us $j) $none }}
{{- $vs := slice }}{{ range $p.variants }}{{ $vs = $vs | append (printf "<code dir=\\"ltr\\">%s</code>" (htmlEscape .)) }}{{ end }}
{{- $variants := delimit $vs $j }}
{{- $ss := slice }}{{ $slang := cond (eq .Lang site.Sites.First.Language.Lang) "" (printf " lang=\\"%s\\"" site.Sites.First.Language.Lang) }}{{ range $p.sources }}{{ $ss = $ss | append (printf "<a href=\\"%s\\"%s>%s</a>" (htmlEscape .url) $slang (htmlEscape .name)) }}{{ end }}
{{- $rows := slice (dict "l" (T "facts_class") "v" (htmlEscape $classLabel)) (dict "l" (T "facts_status") "v" (htmlEscape $status)) }}
{{- if $variants }}{{ $rows = $rows | append (dict "l" (T "facts_variants") "v" $variants) }}{{ end }}
{{- if $retry }}{{ $rows = $rows | append (dict "l" (T "facts_retry") "v" (htmlEscape $retry)) }}{{ end }}
{{- if or (isset $p "closes") (gt (len $cmds) 0) }}{{ $rows = $rows | append (dict "l" (T "facts_commands") "v" $commands) }}{{ end }}
{{- if isset $p "closes" }}{{ $rows = $rows | append (dict "l" (T "facts_closes_connection") "v" (htmlEscape $closes)) }}{{ end }}
{{- $rows = $rows | append (dict "l" (T "facts_rfcs") "v" $rfcs) }}{{ $rows = $rows | append (dict "l" (T "facts_used_with") "v" $used) }}
{{- if gt (len $ss) 0 }}{{ $rows = $rows | append (dict "l" (T "facts_sources") "v" (delimit $ss "<br>")) }}{{ end }}
{{- $aside := printf "<aside class=\\"facts\\" id=\\"facts\\">\\n<h2>%s</h2>\\n<dl>\\n" (T "labels_facts" | htmlEscape) }}
{{- range $rows }}{{ $aside = printf "%s<dt>%s</dt>\\n<dd>%s</dd>\\n" $aside (htmlEscape .l) .v }}{{ end }}
{{- $aside = printf "%s</dl>\\n</aside>" $aside }}
{{- return dict "class_label" $classLabel "status_label" $status "retry_label" $retry "closes_label" $closes "commands" $commands "commands_has" (or (isset $p "closes") (gt (len $cmds) 0)) "rfcs" $rfcs "used_with" $used "variants" $variants "aside" $aside "code" $p.code }}
"""

LAYOUTS["code/single.html"] = """{{ define "main" }}
{{- $f := partialCached "facts.html" . .RelPermalink -}}
<main id="main">
<article class="code-page">
<header class="code-header">
<p class="badges"><span class="badge class-{{ .Params.class_key }}" data-family="{{ .Params.family }}">{{ $f.class_label }}</span> <span class="status status-{{ .Params.status }}">{{ $f.status_label }}</span></p>
<h1><span class="code-number" dir="ltr">{{ .Params.code }}</span> <span{{ with .Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.code_title }}</span></h1>
<p class="lead"{{ with .Params.summary_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.summary }}</p>
</header>
<div class="code-layout">
<div class="code-main">
{{ .Content }}
</div>
{{ $f.aside | safeHTML }}
</div>
</article>
<section class="related" id="related">
<h2>{{ T "labels_related_codes" }}</h2>
<ul class="code-links">
{{- range .Params.related }}{{ with site.GetPage . }}
<li><a href="{{ .RelPermalink }}"><span class="code-number" dir="ltr">{{ .Params.code }}</span> <span{{ with .Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.code_title }}</span></a></li>
{{- end }}{{ else }}
<li>{{ T "values_none" }}</li>
{{- end }}
</ul>
</section>
<section class="comparisons" id="comparisons">
<h2>{{ T "labels_comparisons" }}</h2>
<div class="picker-holder" data-selected="{{ .Params.path_name }}">
{{ partialCached "picker.html" . .Params.family .Lang }}
</div>
<p>{{ T "sentences_compare_with" (dict "code" .Params.code) }} <span class="count">({{ T "sentences_comparison_count" (dict "Count" (len .Params.comparisons)) }})</span></p>
<ul class="code-links columns">
{{- range .Params.comparisons }}{{ $o := site.GetPage (index . 0) }}
<li><a href="{{ relLangURL (index . 1) }}"><span class="code-number" dir="ltr">{{ $o.Params.code }}</span> <span{{ with $o.Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ $o.Params.code_title }}</span></a></li>
{{- end }}
</ul>
</section>
</main>
{{ end }}
"""

# A code's section, rendered as part of its page's Markdown (so once, cached in .Content), marked
# with its language when it falls back to English.
LAYOUTS["shortcodes/section.html"] = """{{- $id := replace (.Get "id") "_" "-" }}{{ $lang := .Get "lang" -}}
<section class="section section-{{ $id }}" id="{{ $id }}">
<h2>{{ T (printf "sections_%s" (.Get "id")) }}</h2>
{{- with $lang }}
<p class="fallback-note">{{ T "fallback_not_translated" (dict "language" (T "default_language_name")) }}</p>
{{- end }}
<div class="prose"{{ with $lang }} lang="{{ . }}" dir="ltr"{{ end }}>
{{ .Inner | .Page.RenderString (dict "display" "block") }}
</div>
</section>
"""

LAYOUTS["shortcodes/pairnote.html"] = """{{- $lang := .Get "lang" }}
{{- if eq (.Get "part") "difference" }}
<section class="pair-note" id="difference">
<h2>{{ T "labels_pair_note" }}</h2>
{{- else }}
<section class="when-to-use" id="when-to-use-which">
<h2>{{ T "labels_when_to_use_which" }}</h2>
{{- end }}
{{- with $lang }}
<p class="fallback-note">{{ T "fallback_not_translated" (dict "language" (T "default_language_name")) }}</p>
{{- end }}
<div class="prose"{{ with $lang }} lang="{{ . }}" dir="ltr"{{ end }}>
{{ .Inner | .Page.RenderString (dict "display" "block") }}
</div>
</section>
"""

# The compare picker of a family, once per family and locale.
LAYOUTS["partials/picker.html"] = """{{- $fam := .Params.family | default .Section }}{{ $sec := site.GetPage (printf "/%s" $fam) -}}
<form class="picker" {{ printf "data-url=%q" (printf "%s{first}-vs-{second}/" (printf "/compare/%s/" $fam | relLangURL)) | safeHTMLAttr }} data-same="{{ T "picker_same_code" }}">
<fieldset>
<legend>{{ T "picker_title" }}</legend>
{{- $groups := partialCached "groups.html" $sec $fam $sec.Lang }}
{{- range slice "first" "second" }}
<label>{{ T (printf "picker_%s" .) }}
<select name="{{ . }}">
{{- range $groups }}
<optgroup label="{{ .label }}">
{{- range .pages }}
<option value="{{ .Params.path_name }}" data-code="{{ .Params.code }}">{{ .Params.code }} {{ .Params.code_title }}</option>
{{- end }}
</optgroup>
{{- end }}
</select>
</label>
{{- end }}
<button type="submit">{{ T "picker_submit" }}</button>
<p class="picker-message" role="alert"></p>
</fieldset>
</form>
"""

# A family's codes by class, in the family's order (the weight each code file carries).
LAYOUTS["partials/groups.html"] = """{{- $groups := slice }}
{{- range (.RegularPages.ByWeight.GroupByParam "class_key") }}
{{- $first := index .Pages 0 }}
{{- $label := T "classes_label" (dict "range" $first.Params.class_range "name" (T (printf "class_%s_%s" $first.Params.family .Key))) }}
{{- $groups = $groups | append (dict "key" .Key "range" $first.Params.class_range "name" (T (printf "class_%s_%s" $first.Params.family .Key)) "label" $label "pages" .Pages) }}
{{- end }}
{{- return $groups }}
"""

LAYOUTS["partials/code-list.html"] = """{{- $sec := .sec }}{{ $level := .level }}
{{- range partialCached "groups.html" $sec $sec.Section $sec.Lang }}
<section class="class-group">
<h{{ $level }}><span class="badge class-{{ .key }}" data-family="{{ $sec.Section }}" dir="ltr">{{ .range }}</span> {{ .name }}</h{{ $level }}>
<ul class="code-list">
{{- range .pages }}
<li><a href="{{ .RelPermalink }}"><span class="code-number" dir="ltr">{{ .Params.code }}</span> <span{{ with .Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.code_title }}</span></a>
<p{{ with .Params.summary_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.summary }}</p></li>
{{- end }}
</ul>
</section>
{{- end }}
"""

# The "Key differences", reasoned from both codes' facts as Versus's KeyDifferences.swift does.
LAYOUTS["partials/keydiff.html"] = """{{- $pa := .a.Params }}{{ $pb := .b.Params }}{{ $j := T "list_joiner" }}
{{- $items := slice }}
{{- $pair := dict "code_a" $pa.code "code_b" $pb.code }}
{{- if or (ne $pa.class_key (substr $pa.code 0 1)) (ne $pb.class_key (substr $pb.code 0 1)) }}
{{- if eq $pa.class_key $pb.class_key }}{{ $items = $items | append (T "differences_class_same" (dict "code_a" $pa.code "code_b" $pb.code "class" .fa.class_label)) }}
{{- else }}{{ $items = $items | append (T "differences_class_differ" (dict "code_a" $pa.code "class_a" .fa.class_label "code_b" $pb.code "class_b" .fb.class_label)) }}{{ end }}
{{- end }}
{{- if and $pa.outcome $pb.outcome }}
{{- if eq $pa.outcome $pb.outcome }}{{ $items = $items | append (T (printf "differences_both_%s" $pa.outcome) $pair) }}
{{- else }}{{ $items = $items | append (partial "joinsentences.html" (slice (T (printf "differences_outcome_%s" $pa.outcome) (dict "code" $pa.code)) (T (printf "differences_outcome_%s" $pb.outcome) (dict "code" $pb.code)))) }}{{ end }}
{{- end }}
{{- if and $pa.retry $pb.retry }}
{{- if eq $pa.retry $pb.retry }}{{ $items = $items | append (T (printf "differences_retry_both_%s" $pa.retry) $pair) }}
{{- else }}{{ $items = $items | append (partial "joinsentences.html" (slice (T (printf "differences_retry_%s" $pa.retry) (dict "code" $pa.code)) (T (printf "differences_retry_%s" $pb.retry) (dict "code" $pb.code)))) }}{{ end }}
{{- end }}
{{- $ca := $pa.commands | default slice }}{{ $cb := $pb.commands | default slice }}
{{- if or (gt (len $ca) 0) (gt (len $cb) 0) }}
{{- $na := partial "commandnames.html" $ca }}{{ $nb := partial "commandnames.html" $cb }}
{{- $shared := intersect $ca $cb }}{{ $onlyA := complement $cb $ca }}{{ $onlyB := complement $ca $cb }}
{{- if and (eq (len $onlyA) 0) (eq (len $onlyB) 0) }}{{ $items = $items | append (T "differences_commands_same" (dict "code_a" $pa.code "code_b" $pb.code "commands" $na)) }}
{{- else if or (eq (len $shared) 0) (eq (len $ca) 0) (eq (len $cb) 0) }}{{ $items = $items | append (T "differences_commands_differ" (dict "code_a" $pa.code "commands_a" $na "code_b" $pb.code "commands_b" $nb)) }}
{{- else if or (eq (len $onlyA) 0) (eq (len $onlyB) 0) }}
{{- $code := cond (eq (len $onlyA) 0) $pb.code $pa.code }}{{ $only := cond (eq (len $onlyA) 0) $onlyB $onlyA }}
{{- $items = $items | append (T "differences_commands_partly" (dict "code_a" $pa.code "code_b" $pb.code "shared" (partial "commandnames.html" $shared) "code" $code "only" (partial "commandnames.html" $only))) }}
{{- else }}{{ $items = $items | append (T "differences_commands_overlap" (dict "code_a" $pa.code "code_b" $pb.code "shared" (partial "commandnames.html" $shared) "only_a" (partial "commandnames.html" $onlyA) "only_b" (partial "commandnames.html" $onlyB))) }}
{{- end }}
{{- end }}
{{- if and (isset $pa "closes") (isset $pb "closes") }}
{{- if and (not $pa.closes) (not $pb.closes) }}{{ $items = $items | append (T "differences_connection_both_open" $pair) }}
{{- else if and $pa.closes $pb.closes }}{{ $items = $items | append (T "differences_connection_both_close" $pair) }}
{{- else }}{{ $items = $items | append (T "differences_connection_differs" (dict "code_closes" (cond $pa.closes $pa.code $pb.code) "code_open" (cond $pa.closes $pb.code $pa.code))) }}{{ end }}
{{- end }}
{{- $sa := slice }}{{ range $pa.links }}{{ $sa = $sa | append .shown }}{{ end }}
{{- $sb := slice }}{{ range $pb.links }}{{ $sb = $sb | append .shown }}{{ end }}
{{- if and (gt (len $sa) 0) (eq (len (symdiff $sa $sb)) 0) }}{{ $items = $items | append (T "differences_used_with_same" (dict "code_a" $pa.code "code_b" $pb.code "codes" (delimit $sa $j))) }}
{{- else }}
{{- $ss := slice }}
{{- range slice (slice $pa.code $sa) (slice $pb.code $sb) }}{{ $code := index . 0 }}{{ $shown := index . 1 }}
{{- if gt (len $shown) 5 }}{{ $ss = $ss | append (T "differences_used_with_many" (dict "Count" (len $shown) "code" $code "codes" (delimit (first 3 $shown) $j))) }}
{{- else if gt (len $shown) 0 }}{{ $ss = $ss | append (T "differences_used_with" (dict "Count" (len $shown) "code" $code "codes" (delimit $shown $j))) }}{{ end }}
{{- end }}
{{- $sh := intersect $sa $sb }}
{{- if gt (len $sh) 0 }}{{ $ss = $ss | append (T "differences_used_with_shared" (dict "Count" (len $sh) "code_a" $pa.code "code_b" $pb.code "codes" (delimit (first 3 $sh) $j))) }}{{ end }}
{{- if gt (len $ss) 0 }}{{ $s := index $ss 0 }}{{ range after 1 $ss }}{{ $s = partial "joinsentences.html" (slice $s .) }}{{ end }}{{ $items = $items | append $s }}{{ end }}
{{- end }}
{{- $ra := "" }}{{ with $pa.rfcs }}{{ $ra = replace (T "values_rfc" (dict "rfc" (index (index . 0) 0))) "RFC " "RFC\u00a0" }}{{ end }}
{{- $rb := "" }}{{ with $pb.rfcs }}{{ $rb = replace (T "values_rfc" (dict "rfc" (index (index . 0) 0))) "RFC " "RFC\u00a0" }}{{ end }}
{{- if and $ra $rb }}{{ if eq $ra $rb }}{{ $items = $items | append (T "differences_defined_same" (dict "code_a" $pa.code "code_b" $pb.code "rfc" $ra)) }}{{ else }}{{ $items = $items | append (T "differences_defined_differ" (dict "code_a" $pa.code "rfc_a" $ra "code_b" $pb.code "rfc_b" $rb)) }}{{ end }}
{{- else if $ra }}{{ $items = $items | append (T "differences_defined_one" (dict "code" $pa.code "rfc" $ra)) }}
{{- else if $rb }}{{ $items = $items | append (T "differences_defined_one" (dict "code" $pb.code "rfc" $rb)) }}{{ end }}
{{- if eq $pa.status_key $pb.status_key }}{{ $items = $items | append (T (printf "differences_status_both_%s" $pa.status_key) $pair) }}
{{- else }}{{ $items = $items | append (partial "joinsentences.html" (slice (T (printf "differences_status_%s" $pa.status_key) (dict "code" $pa.code)) (T (printf "differences_status_%s" $pb.status_key) (dict "code" $pb.code)))) }}{{ end }}
{{- return $items }}
"""

LAYOUTS["partials/joinsentences.html"] = """{{- $a := index . 0 }}{{ $b := index . 1 }}
{{- $sep := cond (in (slice "。" "！" "？") (substr $a -1)) "" " " }}
{{- return printf "%s%s%s" $a $sep $b }}
"""

LAYOUTS["partials/commandnames.html"] = """{{- $n := slice }}{{ range . }}{{ $n = $n | append (cond (eq . "greeting") (T "values_greeting") .) }}{{ end }}
{{- $out := cond (eq (len .) 0) (T "differences_any_command") (delimit $n (T "list_joiner")) }}
{{- return $out }}
"""

# One code's column on its comparisons: its summary and its "How to fix" section, cut out of the
# code page's cached .Content; computed once per code and locale.
LAYOUTS["partials/column.html"] = """{{- $fix := index (findRE `(?s)<section class="section section-how-to-fix".*?</section>` .Content 1) 0 | default "" }}
{{- $fix = replace $fix `id="how-to-fix"` (printf `id="%s-how-to-fix"` .Params.code) }}
{{- $fix = replace (replace $fix "<h2>" "<h3>") "</h2>" "</h3>" -}}
<article class="code-column" id="code-{{ .Params.code }}">
<h2><span class="badge class-{{ .Params.class_key }}" data-family="{{ .Params.family }}" dir="ltr">{{ .Params.class_range }}</span> <a href="{{ .RelPermalink }}"><span class="code-number" dir="ltr">{{ .Params.code }}</span> <span{{ with .Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.code_title }}</span></a></h2>
<p class="column-summary"{{ with .Params.summary_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .Params.summary }}</p>
{{ $fix | safeHTML }}
<p class="full-page"><a href="{{ .RelPermalink }}">{{ T "sentences_read_full_page" (dict "code" .Params.code "title" .Params.code_title) }}</a></p>
</article>
"""

LAYOUTS["partials/codelink.html"] = """<li><a href="{{ .p.RelPermalink }}"><strong><span class="code-number" dir="ltr">{{ .p.Params.code }}</span> <span{{ with .p.Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .p.Params.code_title }}</span></strong></a>: <span{{ with .lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ .text }}</span></li>
"""

LAYOUTS["compare/single.html"] = """{{ define "main" }}
{{- $a := site.GetPage .Params.a }}{{ $b := site.GetPage .Params.b }}
{{- $fa := partialCached "facts.html" $a $a.RelPermalink }}{{ $fb := partialCached "facts.html" $b $b.RelPermalink }}
{{- $pa := $a.Params }}{{ $pb := $b.Params }}{{ $fam := .Params.family }}
{{- $summary := "" }}
{{- if eq $pa.class_key $pb.class_key }}{{ $summary = T (printf "fam_%s_compare_summary_same_class" $fam) (dict "code_a" $pa.code "title_a" $pa.code_title "code_b" $pb.code "title_b" $pb.code_title "class" $fa.class_label) }}
{{- else }}{{ $summary = T (printf "fam_%s_compare_summary_different_class" $fam) (dict "code_a" $pa.code "title_a" $pa.code_title "class_a" $fa.class_label "code_b" $pb.code "title_b" $pb.code_title "class_b" $fb.class_label) }}{{ end }}
<main id="main" class="compare-page">
<header class="compare-header">
<h1>{{ T "sentences_compare_title" (dict "family" .Params.family_name "code_a" $pa.code "title_a" $pa.code_title "code_b" $pb.code "title_b" $pb.code_title) }}</h1>
<p class="lead">{{ $summary }}</p>
</header>
<section class="key-differences" id="key-differences">
<h2>{{ T "labels_key_differences" }}</h2>
<ol>
{{- range partial "keydiff.html" (dict "a" $a "b" $b "fa" $fa "fb" $fb) }}
<li>{{ . }}</li>
{{- end }}
{{- with .Params.confusion }}
<li>{{ with $.Params.confusion_lang }}<span lang="{{ . }}" dir="ltr">{{ $.Params.confusion }}</span>{{ else }}{{ $.Params.confusion }}{{ end }}</li>
{{- end }}
</ol>
</section>
{{- .Content }}
{{- if not .Params.curated_when }}
<section class="when-to-use" id="when-to-use-which">
<h2>{{ T "labels_when_to_use_which" }}</h2>
<p>{{ T "sentences_when_to_use_which_intro" (dict "code_a" $pa.code "code_b" $pb.code) }}</p>
<ul>
{{- range slice $a $b }}{{ if .Params.send_when }}
{{ partial "codelink.html" (dict "p" . "text" .Params.send_when "lang" .Params.send_when_lang) }}
{{- end }}{{ end }}
</ul>
</section>
{{- end }}
{{- if or $pa.sender_action $pb.sender_action }}
<section class="which-you-will-see" id="which-you-will-see">
<h2>{{ T "labels_which_you_will_see" }}</h2>
<p>{{ T "sentences_which_you_will_see_intro" (dict "code_a" $pa.code "code_b" $pb.code) }}</p>
<ul>
{{- range slice $a $b }}{{ if .Params.sender_action }}
{{ partial "codelink.html" (dict "p" . "text" .Params.sender_action "lang" .Params.sender_action_lang) }}
{{- end }}{{ end }}
</ul>
</section>
{{- end }}
<div class="side-by-side">
{{ partialCached "column.html" $a $a.RelPermalink }}
{{ partialCached "column.html" $b $b.RelPermalink -}}
</div>
<section class="differences" id="facts-side-by-side">
<h2>{{ T "labels_facts_compared" }}</h2>
<div class="table-scroll">
<table>
<thead>
<tr><th scope="col">{{ T "labels_fact" }}</th><th scope="col"><a href="{{ $a.RelPermalink }}"><span class="code-number" dir="ltr">{{ $pa.code }}</span></a></th><th scope="col"><a href="{{ $b.RelPermalink }}"><span class="code-number" dir="ltr">{{ $pb.code }}</span></a></th></tr>
</thead>
<tbody>
{{- $rows := slice (dict "k" "facts_class" "a" ($fa.class_label | htmlEscape) "b" ($fb.class_label | htmlEscape)) (dict "k" "facts_status" "a" ($fa.status_label | htmlEscape) "b" ($fb.status_label | htmlEscape)) }}
{{- if or $fa.variants $fb.variants }}{{ $rows = $rows | append (dict "k" "facts_variants" "a" $fa.variants "b" $fb.variants) }}{{ end }}
{{- if or $pa.retry $pb.retry }}{{ $rows = $rows | append (dict "k" "facts_retry" "a" ($fa.retry_label | htmlEscape) "b" ($fb.retry_label | htmlEscape)) }}{{ end }}
{{- if or $fa.commands_has $fb.commands_has }}{{ $rows = $rows | append (dict "k" "facts_commands" "a" $fa.commands "b" $fb.commands) }}{{ end }}
{{- if or (isset $pa "closes") (isset $pb "closes") }}{{ $rows = $rows | append (dict "k" "facts_closes_connection" "a" ($fa.closes_label | htmlEscape) "b" ($fb.closes_label | htmlEscape)) }}{{ end }}
{{- $rows = $rows | append (dict "k" "facts_rfcs" "a" $fa.rfcs "b" $fb.rfcs) }}{{ $rows = $rows | append (dict "k" "facts_used_with" "a" $fa.used_with "b" $fb.used_with) }}
{{- range $rows }}
<tr{{ if ne .a .b }} class="differs"{{ end }}><th scope="row">{{ T .k }}</th><td data-code="{{ $pa.code }}">{{ .a | safeHTML }}</td><td data-code="{{ $pb.code }}">{{ .b | safeHTML }}</td></tr>
{{- end }}
</tbody>
</table>
</div>
</section>
<section class="learn-more" id="learn-more">
<h2>{{ T "labels_learn_more" }}</h2>
<ul>
{{- range slice $a $b }}
<li><a href="{{ .RelPermalink }}"{{ with .Params.title_lang }} lang="{{ . }}" dir="ltr"{{ end }}>{{ T "sentences_learn_more_link" (dict "family" .Params.family_name "code" .Params.code "title" .Params.code_title) }}</a></li>
{{- end }}
<li><a href="{{ printf "/%s/" $fam | relLangURL }}">{{ T (printf "family_heading_%s" $fam) }}</a></li>
</ul>
</section>
</main>
{{ end }}
"""

LAYOUTS["family/list.html"] = """{{ define "main" -}}
<main id="main">
<h1>{{ T (printf "family_heading_%s" .Params.family) }}</h1>
<p class="lead">{{ .Description }}</p>
<p class="count">{{ T "sentences_code_count" (dict "Count" (len .RegularPages)) }}</p>
{{ partialCached "picker.html" . .Params.family .Lang -}}
{{ partialCached "code-list.html" (dict "sec" . "level" 2) .Section .Lang "2" }}
</main>
{{ end }}
"""

LAYOUTS["index.html"] = """{{ define "main" -}}
<main id="main">
<h1>{{ T "site_title" }}</h1>
<p class="lead">{{ T "site_tagline" }}</p>
{{- range .Sections.ByWeight }}{{ if ne .Section "compare" }}
<section class="family">
<h2><a href="{{ .RelPermalink }}">{{ T (printf "family_heading_%s" .Params.family) }}</a></h2>
<p class="count">{{ T "sentences_code_count" (dict "Count" (len .RegularPages)) }}</p>
{{ partialCached "picker.html" . .Params.family .Lang -}}
{{ partialCached "code-list.html" (dict "sec" . "level" 3) .Section .Lang "3" }}
</section>
{{- end }}{{ end }}
</main>
{{ end }}
"""

LAYOUTS["404.html"] = """{{ define "main" -}}
<main id="main">
<h1>{{ T "pages_not_found_title" }}</h1>
<p class="lead">{{ T "pages_not_found_text" }}</p>
{{- range site.Home.Sections.ByWeight }}{{ if ne .Section "compare" }}
<section class="family">
<h2><a href="{{ .RelPermalink }}">{{ T (printf "family_heading_%s" .Params.family) }}</a></h2>
{{ partialCached "code-list.html" (dict "sec" . "level" 3) .Section .Lang "3" }}
</section>
{{- end }}{{ end }}
</main>
{{ end }}
"""

LAYOUTS["decoder/single.html"] = """{{ define "main" -}}
<main id="main">
<h1>{{ T "decoder_title" }}</h1>
<p class="lead">{{ T "decoder_intro" }}</p>
<form class="decoder" data-index="{{ "search-index.json" | relLangURL }}" data-none="{{ T "decoder_none" }}">
{{- range site.Home.Sections.ByWeight }}{{ if ne .Section "compare" }}
<input type="hidden" name="compare" data-family="{{ .Section }}" {{ printf "value=%q" (printf "%s{first}-vs-{second}/" (printf "/compare/%s/" .Section | relLangURL)) | safeHTMLAttr }}>
{{- end }}{{ end }}
<label for="decoder-text">{{ T "decoder_label" }}</label>
<textarea id="decoder-text" rows="10" dir="auto" spellcheck="false" autocapitalize="off" placeholder="{{ T "decoder_placeholder" }}"></textarea>
<p class="decoder-privacy">{{ T "decoder_privacy" }}</p>
<button type="submit">{{ T "decoder_submit" }}</button>
<section class="decoder-results" aria-live="polite">
<h2 hidden>{{ T "decoder_found" }}</h2>
<ul class="decoder-codes"></ul>
<h2 hidden>{{ T "decoder_comparisons" }}</h2>
<ul class="decoder-comparisons"></ul>
<p class="decoder-none" hidden></p>
</section>
</form>
<p class="decoder-needs-js">{{ T "decoder_needs_javascript" }} <a href="{{ "/" | relLangURL }}">{{ T "nav_all_codes" }}</a></p>
</main>
{{ end }}
"""

# The reverse order of a pair: Hugo writes every alias with this template.
LAYOUTS["alias.html"] = """{{ with .Page }}
{{- $a := site.GetPage .Params.a }}{{ $b := site.GetPage .Params.b }}
{{- $heading := T "sentences_compare_title" (dict "family" .Params.family_name "code_a" $a.Params.code "title_a" $a.Params.code_title "code_b" $b.Params.code "title_b" $b.Params.code_title) -}}
<!DOCTYPE html>
<html lang="{{ .Lang }}" dir="{{ .Language.Params.dir }}">
<head>
<meta charset="utf-8">
<title>{{ $heading }}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{ .Permalink }}">
<meta http-equiv="refresh" content="0; url={{ .RelPermalink }}">
</head>
<body>
<p>{{ T "pages_redirect_text" }} <a href="{{ .RelPermalink }}">{{ $heading }}</a></p>
</body>
</html>
{{ else }}<!DOCTYPE html><html><head><title>{{ .Permalink }}</title><link rel="canonical" href="{{ .Permalink }}"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url={{ .Permalink }}"></head></html>
{{ end }}"""

# The search index and the pages' full text, as Versus's search-index.json and search-text.json.
LAYOUTS["index.searchindex.json"] = """[
{{- $first := true }}
{{- range .Sections.ByWeight }}{{ if ne .Section "compare" }}{{ range .RegularPages.ByWeight }}
{{- if not $first }},{{ end }}{{ $first = false }}
{{ dict "code" .Params.code "family" .Params.family_name "family_id" .Params.family "title" .Params.code_title "variants" (.Params.variants | default slice) "enhanced" (apply (.Params.links | default slice) "index" "." "shown") "keywords" .Params.summary "url" .RelPermalink "path" .Params.path_name "tags" slice | jsonify }}
{{- end }}{{ end }}{{ end }}
]
"""

LAYOUTS["index.searchtext.json"] = """[
{{- $first := true }}
{{- range .Sections.ByWeight }}{{ if ne .Section "compare" }}{{ range .RegularPages.ByWeight }}
{{- if not $first }},{{ end }}{{ $first = false }}
{{ .Plain | jsonify }}
{{- end }}{{ end }}{{ end }}
]
"""


def write_layouts(target):
    for name, text in LAYOUTS.items():
        write(target / "layouts" / name, text)


# ----------------------------------------------------------------------------------------------------
# Comparing two outputs


def page_type(rel, text):
    if 'http-equiv="refresh"' in text[:2000]:
        return "redirect"
    parts = rel.split("/")
    if parts and parts[0] not in ("compare", "smtp", "enhanced", "decode") and len(parts) > 1 and len(parts[0]) <= 7 \
            and parts[0] not in ("assets", "api"):
        parts = parts[1:]  # a locale prefix
    if parts[-1] == "404.html":
        return "404"
    if parts[0] == "compare":
        return "comparison"
    if parts[0] in ("smtp", "enhanced"):
        return "family index" if len(parts) == 2 else "code page"
    if parts[0] == "decode":
        return "decoder"
    if parts == ["index.html"]:
        return "home"
    return None


def survey(root):
    root = pathlib.Path(root)
    kinds = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = pathlib.Path(dirpath) / name
            rel = str(path.relative_to(root))
            data = path.read_bytes()
            text = data.decode("utf-8", "replace")
            kind = page_type(rel, text)
            if kind:
                kinds.setdefault(kind, []).append((len(data), text.count("<a href")))
    return kinds


def compare(versus, hugo):
    a, b = survey(versus), survey(hugo)
    print(f"{'page type':<14} {'files V':>8} {'files H':>8} {'bytes V':>8} {'bytes H':>8} {'ratio':>6} {'links V':>7} {'links H':>7} {'ratio':>6}")
    for kind in ["code page", "comparison", "redirect", "family index", "home", "404", "decoder"]:
        va, hb = a.get(kind, []), b.get(kind, [])
        if not va and not hb:
            continue
        bv = statistics.median(x[0] for x in va) if va else 0
        bh = statistics.median(x[0] for x in hb) if hb else 0
        lv = statistics.median(x[1] for x in va) if va else 0
        lh = statistics.median(x[1] for x in hb) if hb else 0
        print(f"{kind:<14} {len(va):>8} {len(hb):>8} {bv:>8.0f} {bh:>8.0f} {bh / bv if bv else 0:>6.2f} {lv:>7.0f} {lh:>7.0f} {lh / lv if lv else 0:>6.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--content")
    parser.add_argument("--target")
    parser.add_argument("--locales", help="comma-separated locales, for tuning on a subset")
    parser.add_argument("--family", help="comma-separated families, for tuning on a subset")
    parser.add_argument("--compare", nargs=2, metavar=("VERSUS_OUT", "HUGO_OUT"))
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
    elif args.content and args.target:
        build(args)
    else:
        parser.error("give --content and --target, or --compare VERSUS_OUT HUGO_OUT")


if __name__ == "__main__":
    main()
