"""WCAG 2.2 AA on every public page type, in French and in Arabic, on a phone and a desktop.

axe-core finds what a machine can find; two checks of our own add the rules axe leaves
loose: exactly one `h1`, and targets of at least 24 × 24 CSS pixels (WCAG 2.5.8) without
axe's spacing allowance, except links inside a sentence. At 320 px, the page must also
reflow without a horizontal scroll bar (WCAG 1.4.10); a wide table may scroll in its own box.
"""

from http import HTTPStatus
from pathlib import Path

import axe_playwright_python
import pytest

pytestmark = pytest.mark.e2e

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_RUN = (
    "axe.run(document, {runOnly: {type: 'tag', "
    "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"
)

# Each page type, the languages it is checked in, and the status it answers with.
# French pages always exist, so the "not translated" notice is checked in English instead.
PAGES = [
    ("home", ("fr", "ar"), HTTPStatus.OK),
    ("standard page", ("fr", "ar"), HTTPStatus.OK),
    ("contact form", ("fr", "ar"), HTTPStatus.OK),
    ("branch list", ("fr", "ar"), HTTPStatus.OK),
    ("branch", ("fr", "ar"), HTTPStatus.OK),
    ("mobile branch", ("fr", "ar"), HTTPStatus.OK),
    ("not translated", ("en", "ar"), HTTPStatus.NOT_FOUND),
    ("404", ("fr", "ar"), HTTPStatus.NOT_FOUND),
    ("login", ("fr", "ar"), HTTPStatus.OK),
    ("sign-up", ("fr", "ar"), HTTPStatus.OK),
    ("legal notices", ("fr", "ar"), HTTPStatus.OK),
    ("accessibility statement", ("fr", "ar"), HTTPStatus.OK),
    ("privacy", ("fr", "ar"), HTTPStatus.OK),
    ("search", ("fr", "ar"), HTTPStatus.OK),
]
CASES = [
    pytest.param(kind, language, status, id=f"{kind.replace(' ', '-')}-{language}")
    for kind, languages, status in PAGES
    for language in languages
]

# Returns a list of findings: {check, selector, detail}.
OWN_CHECKS_JS = """
() => {
    const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, summary';
    const MIN = 24;

    const selectorOf = (el) => {
        const parts = [];
        for (let node = el; node && node !== document.body; node = node.parentElement) {
            if (node.id) { parts.unshift('#' + CSS.escape(node.id)); break; }
            let part = node.tagName.toLowerCase();
            if (node.classList.length) part += '.' + [...node.classList].map(CSS.escape).join('.');
            const sameTag = node.parentElement
                ? [...node.parentElement.children].filter((c) => c.tagName === node.tagName)
                : [];
            if (sameTag.length > 1) part += `:nth-of-type(${sameTag.indexOf(node) + 1})`;
            parts.unshift(part);
        }
        return parts.join(' > ');
    };

    const isShown = (el) => {
        if (!el.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
        const box = el.getBoundingClientRect();
        // Visually hidden until focused (a skip link), or parked off-screen.
        if (box.width <= 1 || box.height <= 1) return false;
        if (box.bottom + window.scrollY <= 0 || box.right + window.scrollX <= 0) return false;
        if (box.left + window.scrollX >= document.documentElement.scrollWidth) return false;
        const style = getComputedStyle(el);
        return style.clip !== 'rect(0px, 0px, 0px, 0px)' && style.clipPath !== 'inset(50%)';
    };

    // WCAG 2.5.8 inline exception: a link within a sentence, whose size the line sets.
    const inSentence = (el) => {
        if (getComputedStyle(el).display !== 'inline') return false;
        let block = el.parentElement;
        while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
        if (!block) return false;
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        let otherText = '';
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
            if (!text.parentElement.closest(INTERACTIVE)) otherText += text.textContent;
        }
        return /[\\p{L}\\p{N}]/u.test(otherText);
    };

    const findings = [];
    const headings = document.querySelectorAll('h1');
    if (headings.length !== 1) {
        findings.push({
            check: 'one-h1',
            selector: [...headings].map(selectorOf).join(', ') || '(none)',
            detail: `${headings.length} h1 elements, expected exactly 1`,
        });
    }
    for (const el of document.querySelectorAll(INTERACTIVE)) {
        if (!isShown(el)) continue;
        const box = el.getBoundingClientRect();
        if (box.width >= MIN - 0.01 && box.height >= MIN - 0.01) continue;
        if (inSentence(el)) continue;
        const label = (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40);
        findings.push({
            check: 'target-size-24',
            selector: selectorOf(el),
            detail: `${box.width.toFixed(1)} × ${box.height.toFixed(1)} px "${label}"`,
        });
    }
    // WCAG 1.4.10: at 320 CSS px nothing may push the page sideways.
    const width = document.documentElement.clientWidth;
    if (width <= 320 && document.documentElement.scrollWidth > width) {
        const clipped = (el) => {
            for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
                if (getComputedStyle(box).overflowX !== 'visible') return true;
            }
            return false;
        };
        const overflows = (el) => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.right > width + 1 || box.left < -1) && !clipped(el);
        };
        // The innermost elements that stick out, hidden or not: a skip link parked at
        // left: -9999px widens a right-to-left page.
        const culprits = [...document.body.querySelectorAll('*')].filter(
            (el) => overflows(el) && ![...el.children].some(overflows)
        );
        findings.push({
            check: 'reflow-320',
            selector: culprits.slice(0, 5).map(selectorOf).join(', ') || '(unknown)',
            detail: `the page is ${document.documentElement.scrollWidth} px wide in a ${width} px window`,
        });
    }
    return findings;
}
"""


def describe_axe(violations):
    lines = []
    for violation in violations:
        lines.append(f"- axe {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}  {node['html'][:120]}")
    return lines


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize(("kind", "language", "status"), CASES)
def test_page_meets_wcag_22_aa(demo_site, open_page, visit, kind, language, status, width):
    # axe is injected as an inline script, which the site's policy forbids (test_csp checks it).
    page = open_page(width=width, language=language, bypass_csp=True)
    path = demo_site.path(kind, language)
    visit(page, path, status)
    page.wait_for_load_state("networkidle")

    page.add_script_tag(path=str(AXE_JS))
    violations = page.evaluate(AXE_RUN)["violations"]
    own = page.evaluate(OWN_CHECKS_JS)

    problems = describe_axe(violations) + [
        f"- {finding['check']}: {finding['selector']}  {finding['detail']}" for finding in own
    ]
    if problems:
        pytest.fail(f"{kind} ({language}, {width} px, {path}):\n" + "\n".join(problems), pytrace=False)
