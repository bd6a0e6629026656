// Copies text (a new API token's secret) to the clipboard; false when the browser refuses (no permission,
// not a secure context), so the page can say to copy by hand.
export async function copy(text) {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
