// Facts about the user's browser that the server needs once per circuit.

// The IANA zone the browser shows local times in, e.g. "Europe/Berlin"; "UTC" when it cannot tell.
export function timeZone() {
    try {
        return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
        return 'UTC';
    }
}
