"""The JSON export under api/ is valid against the versioned schema in docs/api/, for every file the
sample build writes, and the schema rejects what it must (so the check can fail)."""
import copy
import json
import pathlib

import jsonschema
import pytest

from conftest import REPO

SCHEMA = json.loads((REPO / "docs/api/v1.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def api_files(site_dir):
    return sorted((site_dir / "api").rglob("*.json"))


def test_every_export_file_matches_the_schema(site_dir):
    files = api_files(site_dir)
    families = [path.stem for path in (site_dir / "api").glob("*.json")]
    assert "smtp" in families and "enhanced" in families, families
    for path in files:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(json.loads(path.read_text()))]
        assert not errors, f"{path.relative_to(site_dir)}: {errors[:3]}"


def test_family_file_holds_the_same_codes_as_the_code_files(site_dir):
    for family_file in (site_dir / "api").glob("*.json"):
        family = json.loads(family_file.read_text())
        singles = {p.stem: json.loads(p.read_text())["code"] for p in (site_dir / "api" / family_file.stem).glob("*.json")}
        assert sorted(singles) == sorted(code["code"] for code in family["codes"])
        for code in family["codes"]:
            assert singles[code["code"]] == code


def test_cross_links_in_the_export_point_both_ways(site_dir):
    codes = {}
    for family_file in (site_dir / "api").glob("*.json"):
        for code in json.loads(family_file.read_text())["codes"]:
            codes[(code["family"], code["code"])] = code
    links = 0
    for (family, name), code in codes.items():
        for link in code["used_with"]:
            if link["family"] is None:
                continue
            links += 1
            back = codes[(link["family"], link["page"])]
            assert any(l["family"] == family and l["page"] == name for l in back["used_with"]), (name, link)
    assert links > 0


@pytest.mark.parametrize("break_it", [
    lambda d: d["code"].pop("locales"),
    lambda d: d["code"].update(retry="sometimes"),
    lambda d: d["code"]["rfcs"].append({"rfc": "5321", "section": None, "url": "x"}),
    lambda d: d.update(version=2),
])
def test_schema_rejects_broken_files(site_dir, break_it):
    document = json.loads((site_dir / "api/smtp/550.json").read_text())
    broken = copy.deepcopy(document)
    break_it(broken)
    assert not VALIDATOR.is_valid(broken)
    assert VALIDATOR.is_valid(document)


def test_every_shipped_code_says_when_it_appeared_and_changed(site_dir):
    for path in (site_dir / "api").glob("*/*.json"):
        code = json.loads(path.read_text())["code"]
        assert code["published"] and code["updated"] and code["published"] <= code["updated"], path.name
