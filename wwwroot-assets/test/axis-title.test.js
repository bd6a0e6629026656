// The y axis's title names the unit, a mirrored chart's directions, and the averaging of merged buckets (ChartPoints).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axisTitle } from '../src/flowviz-chart.js';

test('axisTitle is the unit when each point is a query bucket', () => {
    assert.equal(axisTitle({ unit: 'bit/s', mirrored: false, averagedSeconds: null }), 'bit/s');
    assert.equal(axisTitle({ unit: 'bit/s', mirrored: true }), 'bit/s (out ↑, in ↓)');
});

test('axisTitle says over how long merged points are averaged', () => {
    assert.equal(axisTitle({ unit: 'bit/s', mirrored: false, averagedSeconds: 120 }), 'bit/s, 2 min averages');
    assert.equal(axisTitle({ unit: 'packets/s', mirrored: true, averagedSeconds: 7200 }), 'packets/s (out ↑, in ↓), 2 h averages');
    assert.equal(axisTitle({ unit: 'flows/s', mirrored: false, averagedSeconds: 90 }), 'flows/s, 90 s averages');
});
