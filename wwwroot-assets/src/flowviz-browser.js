// Facts about the user's browser that the server needs once per circuit.

// The IANA zone the browser shows local times in, e.g. "Europe/Berlin"; "UTC" when it cannot tell. Also kept in the
// flowviz-tz cookie (BrowserTimeZone in .NET), so the next page is prerendered in this zone rather than in UTC.
export function timeZone() {
    let zone;
    try {
        zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    } catch {
        zone = 'UTC';
    }
    const secure = location.protocol === 'https:' ? '; Secure' : '';
    document.cookie = `flowviz-tz=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
    return zone;
}
