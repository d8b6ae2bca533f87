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


# ------------------------------------------------------------ the guide's meaning
ROOT = CONTENT_DIR.parent
WORDED_FILES = (sorted(CONTENT_DIR.glob("*.yml")) + sorted(DOCS_DIR.rglob("*.md"))
                + sorted((ROOT / "overrides" / "partials" / "figures").glob("*.html"))
                + sorted((ROOT / "overrides" / "components").glob("*/template.html")))

# Wordings once firmer than the guide, or claims it does not make, each with what the
# guide says. Words are matched across line breaks, in any case.
FIRMER_THAN_THE_GUIDE = {
    "follow the AI procurement guidelines": "point 13: get to know the ten guidelines",
    "will be a 'bolt-on'": "point 11: remember, AI as a 'bolt-on'",
    "This will show you how much trust": "point 3: this will help you identify levels of trust",
    "screwdriver\" is all you need": "the AI 'hammer' when all that may be required is a 'screwdriver'",
    "audits and fairness testing help to": "ongoing bias audits and fairness testing can help identify and mitigate",
    "never knowingly let it harm": "the risk ... should be understood and not knowingly have a detrimental impact",
    "These steps will help you": "the guide lists the steps; it does not promise they will work",
    "This is because regulatory requirements": "some believe ... due to lower regulatory requirements",
    "patients will ask you about it": "a claim about clinicians the guide does not make",
    "You decide whether an AI project goes ahead": "a claim about boards the guide does not make",
    "AI is only as good as the data it uses": "AI heavily relies on the quality and quantity of data",
    "to adopt AI responsibly and make it last": "governance structures that support responsible AI adoption",
    "AI systems must fully comply": "AI systems need to be fully compliant",
    "AI systems must be fully compliant": "AI systems need to be fully compliant",
    "Midlands and Lancashire Commissioning Support Unit (CSU) and the wider family of CSUs. Choose":
        "Annex A: the wider family recognised the challenges; the offer is Midlands and Lancashire's",
}


def test_no_wording_is_firmer_than_the_guide():
    problems = []
    for path in WORDED_FILES:
        text = " ".join(path.read_text(encoding="utf-8").split()).lower()
        for phrase, guide in FIRMER_THAN_THE_GUIDE.items():
            if " ".join(phrase.split()).lower() in text:
                problems.append(f"{path.relative_to(ROOT)}: '{phrase}' (the guide: {guide})")
    assert not problems, "\n".join(problems)


# Definitions that state law or fact, and the sources a reader can follow for them.
GLOSSARY_SOURCES = {
    "clinical-safety-officer": {"dcb0129", "dcb0160"},
    "data-protection-impact-assessment": {"uk-gdpr-article-35"},
    "data-protection-by-design-and-default": {"uk-gdpr-article-25"},
    "pseudonymisation": {"ico-pseudonymisation"},
    "anonymisation": {"ico-anonymisation"},
    "ambient-voice-technology": {"nhs-ambient-scribing-guidance"},
    "uk-gdpr": {"uk-gdpr"},
}


def test_glossary_claims_of_law_name_a_source_with_an_address():
    content = load_all()
    terms = {t["id"]: t for t in content["glossary"]["terms"]}
    sources = {s["id"]: s for s in content["sources"]["sources"]}
    for term, needed in GLOSSARY_SOURCES.items():
        assert needed <= set(terms[term].get("sources", [])), term
        assert all(sources[i].get("url", "").startswith("https://") for i in terms[term]["sources"]), term
    # No definition states an obligation in its own voice ("must"): it says whose rule it is.
    musts = [t["id"] for t in terms.values() if " must " in " ".join(t["definition"].split())
             and "guide" not in t["definition"]]
    assert not musts, musts


def test_the_act_the_bill_became_is_linked_to_its_text():
    sources = {s["id"]: s for s in load_all()["sources"]["sources"]}
    act = sources["data-use-and-access-act-2025"]
    assert act["url"] == "https://www.legislation.gov.uk/ukpga/2025/18/contents"
    assert "Data (Use and Access) Act 2025" in " ".join(sources["data-use-and-access-bill"]["note"].split())
    # Sources the guide does not name are listed apart, under their own heading.
    assert act["kind"] == "site"


def test_glossary_page_links_each_definitions_sources(built_site):
    content = load_all()
    page = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    sources = {s["id"]: s for s in content["sources"]["sources"]}
    for term in content["glossary"]["terms"]:
        start = page.index(f'id="{term["id"]}"')
        entry = page[start:page.find("<h3", start + 1)]
        for sid in term.get("sources", []):
            assert f'href="{sources[sid]["url"]}"' in entry, (term["id"], sid)


def test_accessibility_statement_sources_its_claims(built_site):
    import html as html_lib
    import re
    raw = (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    text = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    # A compliance status, and the list of what fails (or that nothing known does).
    assert "fully compliant" in text and "We know of no content on this website that fails" in text \
        and 'id="non-accessible-content"' in raw
    for url in ("https://www.legislation.gov.uk/uksi/2018/952/contents/made",
                "https://www.gov.uk/guidance/accessibility-requirements-for-public-sector-websites-and-apps",
                "https://design-system.service.gov.uk/components/task-list/"):
        assert f'href="{url}"' in raw, url
    assert "same words as the NHS and GOV.UK task list pattern" not in text
    assert "has not found any failures" not in text
