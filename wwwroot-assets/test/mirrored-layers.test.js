// A mirrored chart stacks each side itself (apexcharts 4.7 would stack an in-series onto the out-stack).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mirroredLayers } from '../src/flowviz-chart.js';

const series = [
    { name: 'dns out', direction: 'out', data: [[0, 10], [60, 20]] },
    { name: 'dns in', direction: 'in', data: [[0, -1], [60, -2]] },
    { name: 'ssh out', direction: 'out', data: [[0, 0], [60, 0]] },
    { name: 'ssh in', direction: 'in', data: [[0, -3], [60, -4]] },
    { name: 'ssh internal/transit', direction: 'other', data: [[0, 7], [60, 7]] },
];

test('mirroredLayers sums each side from the axis outwards, outermost first', () => {
    const withSshOut = series.map(s => s.name === 'ssh out' ? { ...s, data: [[0, 5], [60, 1]] } : s);
    assert.deepEqual(mirroredLayers(withSshOut), [
        { index: 4, data: [[0, 22], [60, 28]] },
        { index: 2, data: [[0, 15], [60, 21]] },
        { index: 0, data: [[0, 10], [60, 20]] },
        { index: 3, data: [[0, -4], [60, -6]] },
        { index: 1, data: [[0, -1], [60, -2]] },
    ]);
});

test('mirroredLayers puts unsplit negative series below the axis', () => {
    const layers = mirroredLayers([{ name: 'a', data: [[0, -5]] }, { name: 'b', data: [[0, 2]] }]);
    assert.deepEqual(layers, [{ index: 1, data: [[0, 2]] }, { index: 0, data: [[0, -5]] }]);
});

test('mirroredLayers leaves out series that are zero throughout', () => {
    assert.deepEqual(mirroredLayers(series).map(layer => layer.index), [4, 0, 3, 1]);
    assert.deepEqual(mirroredLayers(series)[0], { index: 4, data: [[0, 17], [60, 27]] });
});
