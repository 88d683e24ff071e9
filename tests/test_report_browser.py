"""The report in a real browser: headless Chromium (Debian's), driven by Playwright.

The report of conftest.DYAD_TEXTS is opened from disk with every request that is
not the file itself refused and recorded: a self-contained report makes none.
The claim table's filters are used as a reader would (choosing from the lists,
ticking the box, pressing the dyad section's button) and the rows left visible
are checked against claims.csv. Skipped, with the reason, where there is no
Chromium (`apt-get install chromium`; `.ci/run` installs it in CI) or no
Playwright; Playwright is never allowed to download a browser of its own.
"""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

CHROMIUM = os.environ.get("NLP_TOOLS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page(dyad_run):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            requests, errors = [], []
            report = (dyad_run / "report.html").as_uri()

            def only_the_report(route):
                if route.request.url == report:
                    route.continue_()
                else:
                    requests.append(route.request.url)
                    route.abort()

            page.route("**/*", only_the_report)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
            page.goto(report)
            yield page, requests, errors
        finally:
            browser.close()


def _visible(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#claims-table tbody tr:not([hidden])",
        "rows => rows.map(r => ({org: r.dataset.org, topic: r.dataset.topic, stance: r.dataset.stance,"
        " period: r.dataset.period, sentence: r.cells[5].textContent}))")


def test_the_report_loads_nothing_and_runs_without_errors(page, dyad_run):
    page, requests, errors = page
    assert requests == [] and errors == []
    claims = pd.read_csv(dyad_run / "claims.csv", keep_default_na=False)
    assert page.locator("#f-count").inner_text() == f"{len(claims)} of {len(claims)} claims shown"
    assert page.locator("svg.chart").count() >= 2  # the two dyads with both sides speaking


def test_the_claim_table_filters_by_organisation_topic_stance_and_period(page, dyad_run):
    page, _, _ = page
    claims = pd.read_csv(dyad_run / "claims.csv", keep_default_na=False)
    page.click("#f-reset")
    page.select_option("#f-org", "U.S. Department of Defense")
    expected = claims[claims.speaker_org == "U.S. Department of Defense"]
    rows = _visible(page)
    assert len(rows) == len(expected) == 4
    assert {r["org"] for r in rows} == {"U.S. Department of Defense"}
    page.select_option("#f-topic", "cooperation")
    page.select_option("#f-stance", "deny")
    rows = _visible(page)
    assert [r["sentence"] for r in rows] == expected[(expected.topic == "cooperation") & (expected.stance == "deny")].sentence.tolist()
    assert page.locator("#f-count").inner_text() == f"1 of {len(claims)} claims shown"
    page.select_option("#f-period", "2020-03")  # nothing of the Pentagon's then
    assert _visible(page) == []
    page.click("#f-reset")
    page.select_option("#f-period", "2020-03")
    assert {r["org"] for r in _visible(page)} == {"Pakistan Ministry of Foreign Affairs", "India Ministry of Foreign Affairs"}


def test_one_row_per_statement_hides_the_copies(page, dyad_run):
    page, _, _ = page
    claims = pd.read_csv(dyad_run / "claims.csv", keep_default_na=False)
    page.click("#f-reset")
    page.select_option("#f-org", "Russia Ministry of Defence")
    both = _visible(page)
    page.check("#f-first")
    once = _visible(page)
    russia = claims[claims.speaker_org == "Russia Ministry of Defence"]
    assert len(both) == len(russia) == 4
    assert len(once) == russia.statement_id.nunique() == 2


def test_a_dyad_section_shows_its_claims_and_links_its_documents(page):
    page, _, _ = page
    page.click("#f-reset")
    section = page.locator("section.dyad", has_text="Russia \u2194 United States")
    assert section.locator("table.pairs tbody tr").count() == 1
    pair = section.locator("table.pairs tbody tr").first
    assert "notice acknowledged / coordination denied" in pair.inner_text()
    for link in pair.locator("a").all():  # each leads to its document in the report
        target = link.get_attribute("href")
        assert target.startswith("#doc-") and page.locator(target).count() == 1
    section.locator("button[data-show-pair]").click()
    rows = _visible(page)
    assert rows and {r["org"] for r in rows} == {"Russia Ministry of Defence", "U.S. Department of Defense"}
    assert page.locator("#f-pair").input_value() == "Russia | United States"
