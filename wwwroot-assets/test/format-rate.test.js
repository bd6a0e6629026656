// The chart's JS formatter must print what TrafficUnits prints in .NET (same cases as TrafficUnitsTests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatRate } from '../src/flowviz-chart.js';

const bits = [' bit/s', ' kbit/s', ' Mbit/s', ' Gbit/s', ' Tbit/s'].map((suffix, i) => ({ factor: 1000 ** i, suffix }));
const packets = [' packets/s', 'k packets/s', 'M packets/s'].map((suffix, i) => ({ factor: 1000 ** i, suffix }));

test('formatRate matches TrafficUnits.BitRate', () => {
    const cases = [[0, '0 bit/s'], [0.5, '0.50 bit/s'], [999, '999 bit/s'], [1000, '1.00 kbit/s'], [1500, '1.50 kbit/s'],
        [1_500_000, '1.50 Mbit/s'], [12_345_678, '12.3 Mbit/s'], [123_456_789, '123 Mbit/s'],
        [2_500_000_000, '2.50 Gbit/s'], [-1_500_000, '-1.50 Mbit/s']];
    for (const [value, expected] of cases) {
        assert.equal(formatRate(value, bits, false, false), expected);
    }
});

test('formatRate matches TrafficUnits.Rate for packets', () => {
    assert.equal(formatRate(1_200, packets, false, false), '1.20k packets/s');
    assert.equal(formatRate(-45_000, packets, false, false), '-45.0k packets/s');
});

test('formatRate mirrored shows magnitudes', () => {
    assert.equal(formatRate(-1_500_000, bits, true, false), '1.50 Mbit/s');
});

test('formatRate trimmed drops trailing zeros for axis labels', () => {
    assert.equal(formatRate(2_000_000, bits, false, true), '2 Mbit/s');
    assert.equal(formatRate(2_500_000, bits, false, true), '2.5 Mbit/s');
    assert.equal(formatRate(0, bits, false, true), '0 bit/s');
});
