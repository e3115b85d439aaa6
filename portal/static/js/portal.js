/* Bibo: the main menu's disclosure button and the focus on form errors. No inline script:
   the Content-Security-Policy allows scripts from the site's own files only. */
(function () {
    "use strict";

    function setUpMenu() {
        var toggle = document.querySelector(".main-nav__toggle");
        if (!toggle) return;
        var menu = document.getElementById(toggle.getAttribute("aria-controls"));
        if (!menu) return;
        var isOpen = function () { return toggle.getAttribute("aria-expanded") === "true"; };
        var setOpen = function (open) { toggle.setAttribute("aria-expanded", open ? "true" : "false"); };
        // Without this script the menu stays open and the button hidden.
        toggle.hidden = false;
        toggle.addEventListener("click", function () { setOpen(!isOpen()); });
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || !isOpen()) return;
            var inside = menu.contains(document.activeElement) || document.activeElement === toggle;
            setOpen(false);
            if (inside) toggle.focus();
        });
    }

    function focusErrorSummary() {
        var summary = document.querySelector("[data-error-summary]");
        if (summary) summary.focus();
    }

    setUpMenu();
    focusErrorSummary();
})();
