// Light or dark: the system's preference (prefers-color-scheme) unless the user chose with the toggle in
// the top bar; the choice is kept in localStorage and applied here, in <head>, before the page paints.
// Charts listen for the 'flowviz:theme' event to redraw in the new colours.
(function () {
    const key = 'flowviz-theme';
    const root = document.documentElement;

    function stored() {
        try {
            return localStorage.getItem(key);
        } catch {
            return null;
        }
    }

    function isDark() {
        const chosen = root.dataset.theme;
        return chosen ? chosen === 'dark' : window.matchMedia?.('(prefers-color-scheme: dark)').matches === true;
    }

    function apply() {
        const chosen = stored();
        if (chosen === 'dark' || chosen === 'light') {
            root.dataset.theme = chosen;
        } else {
            delete root.dataset.theme;
        }
        for (const button of document.querySelectorAll('[data-theme-toggle]')) {
            button.setAttribute('aria-pressed', String(isDark()));
        }
    }

    document.addEventListener('click', event => {
        if (!event.target.closest?.('[data-theme-toggle]')) {
            return;
        }
        try {
            localStorage.setItem(key, isDark() ? 'light' : 'dark');
        } catch {
            root.dataset.theme = isDark() ? 'light' : 'dark'; // storage refused: this page only
        }
        apply();
        window.dispatchEvent(new Event('flowviz:theme'));
    });
    document.addEventListener('DOMContentLoaded', apply);
    window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', apply);
    // Blazor's enhanced navigation rewrites <html>'s attributes: flowviz.lib.module.js calls this after it.
    window.flowvizApplyTheme = apply;
    apply();
})();
