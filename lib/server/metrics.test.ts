import { describe, expect, it } from 'vitest';
import { ServerMetrics } from './metrics';

describe('ServerMetrics', () => {
  it('renders counters, errors and a cumulative latency histogram in Prometheus text format', () => {
    const m = new ServerMetrics();
    m.observe('/verify', 200, 0.0004); // first bucket (≤ 0.5 ms)
    m.observe('/verify', 200, 0.003); // ≤ 5 ms
    m.observe('/verify', 400, 20); // above every bound: only +Inf
    m.add('ifkit_constraint_checks_total', 'Rule checks run.', 5);
    m.add('ifkit_constraint_checks_total', 'Rule checks run.', 2);
    const text = m.render({ ifkit_workers: { help: 'Checker worker threads alive.', value: 2 } });
    const lines = text.split('\n');
    expect(lines).toContain('ifkit_http_requests_total{route="/verify",status="200"} 2');
    expect(lines).toContain('ifkit_http_requests_total{route="/verify",status="400"} 1');
    expect(lines).toContain('ifkit_http_errors_total{route="/verify",status="400"} 1');
    expect(lines.some((l) => l.startsWith('ifkit_http_errors_total{route="/verify",status="200"}'))).toBe(false);
    expect(lines).toContain('ifkit_http_request_duration_seconds_bucket{route="/verify",le="0.0005"} 1');
    expect(lines).toContain('ifkit_http_request_duration_seconds_bucket{route="/verify",le="0.002"} 1');
    expect(lines).toContain('ifkit_http_request_duration_seconds_bucket{route="/verify",le="0.005"} 2');
    expect(lines).toContain('ifkit_http_request_duration_seconds_bucket{route="/verify",le="10"} 2');
    expect(lines).toContain('ifkit_http_request_duration_seconds_bucket{route="/verify",le="+Inf"} 3');
    expect(lines).toContain('ifkit_http_request_duration_seconds_count{route="/verify"} 3');
    expect(Number(lines.find((l) => l.startsWith('ifkit_http_request_duration_seconds_sum'))!.split(' ')[1])).toBeCloseTo(20.0034, 9);
    expect(lines).toContain('# TYPE ifkit_constraint_checks_total counter');
    expect(lines).toContain('ifkit_constraint_checks_total 7');
    expect(lines).toContain('# TYPE ifkit_workers gauge');
    expect(lines).toContain('ifkit_workers 2');
    expect(text.endsWith('\n')).toBe(true);
  });
});
