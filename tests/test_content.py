"""Content models: each schema accepts the real file and rejects broken copies,
naming the file and the place; ids are unique; references resolve."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from macros.content import CONTENT_DIR, DOCS_DIR, MODELS, ContentError, load_all, load_yaml, validate_model


def real(model):
    return yaml.safe_load((CONTENT_DIR / f"{model}.yml").read_text(encoding="utf-8"))


def problems_for(tmp_path: Path, model: str, text: str) -> str:
    """Copy content/ into tmp, replace one model's file, return the error text."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    (content / f"{model}.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_all(content, DOCS_DIR)
    return str(err.value)


def first_block_with_id(data):
    if isinstance(data, dict):
        if "id" in data:
            return data
        values = data.values()
    elif isinstance(data, list):
        values = data
    else:
        return None
    for v in values:
        found = first_block_with_id(v)
        if found is not None:
            return found
    return None


def test_real_content_loads():
    content = load_all()
    assert set(content) == set(MODELS)


@pytest.mark.parametrize("model", MODELS)
def test_schema_accepts_real_file(model):
    schema = json.loads((CONTENT_DIR / f"{model}.schema.json").read_text())
    loaded = load_yaml(CONTENT_DIR / f"{model}.yml")
    assert validate_model(loaded, schema, f"content/{model}.yml") == []


@pytest.mark.parametrize("model", MODELS)
def test_schema_rejects_unknown_top_level_key(tmp_path, model):
    data = real(model)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "surprise: 1\n"
    line = text.count("\n")
    message = problems_for(tmp_path, model, text)
    assert f"{model}.yml:{line}: surprise: unknown field 'surprise'" in message


@pytest.mark.parametrize("model", [m for m in MODELS if first_block_with_id(real(m)) is not None])
def test_schema_rejects_missing_required_field(tmp_path, model):
    data = real(model)
    block = first_block_with_id(data)
    del block["id"]
    message = problems_for(tmp_path, model, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert f"{model}.yml:" in message
    assert "missing required field 'id'" in message


@pytest.mark.parametrize("model", [m for m in MODELS if first_block_with_id(real(m)) is not None])
def test_schema_rejects_wrong_type(tmp_path, model):
    data = real(model)
    first_block_with_id(data)["id"] = 42
    message = problems_for(tmp_path, model, yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert f"{model}.yml:" in message and "should be string, but is a whole number" in message


def test_glossary_has_the_terms_the_site_promises():
    terms = {t["term"].lower() for t in real("glossary")["terms"]}
    abbrs = {t.get("abbr") for t in real("glossary")["terms"]}
    assert len(terms) >= 40
    for needed in ["machine learning", "deep learning", "neural network", "large language model", "generative ai",
                   "natural language processing", "computer vision", "hallucination", "prompt", "foundation model",
                   "fine-tuning", "retrieval-augmented generation", "training data", "bias", "explainability",
                   "federated learning", "anonymisation", "pseudonymisation", "proof of concept",
                   "ambient voice technology"]:
        assert needed in terms, needed
    for needed in ["AI", "DPIA", "ATRS", "FDP"]:
        assert needed in abbrs, needed
    assert {"dcb0129", "dcb0160"} <= terms


def test_every_item_a_person_answers_has_a_unique_id():
    content = load_all()
    assert len(content["readiness"]["areas"]) == 3
    comps = [c for a in content["readiness"]["areas"] for c in a["components"]]
    assert len(comps) == 15 and all(len(c["levels"]) == 5 for c in comps)
    assert len(content["checklist"]["items"]) == 15
    assert len(content["principles"]["principles"]) == 10
    assert len(content["where_to_start"]["steps"]) == 8
    assert sum(len(c["fields"]) for c in content["business_case"]["columns"]) == 10
    assert len(content["value_areas"]["value_areas"]) == 8


def test_no_personal_email_addresses_in_content_or_pages():
    import re
    pattern = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    for path in list(CONTENT_DIR.glob("*.yml")) + list(DOCS_DIR.rglob("*.md")):
        assert not pattern.search(path.read_text(encoding="utf-8")), path
