import { describe, expect, it } from "vitest";
import { parseWrkOutput } from "@/scripts/load-generator";

const report = (lines: string) => `Running 8s test @ http://127.0.0.1:3300/releases
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     1.42ms    2.10ms  40.12ms   95.00%
    Req/Sec     5.79k     1.78k    8.02k    80.00%
  Latency Distribution
     50%  313.00us
     75%    1.10ms
     90%    2.95ms
${lines}
Requests/sec:   5752.99
Transfer/sec:    373.90MB
`;

describe("wrk's report", () => {
  it("gives requests per second and p50/p99 in milliseconds, whatever unit wrk printed", () => {
    expect(parseWrkOutput(report("     99%    1.05s\n  46024 requests in 8.00s, 2.92GB read"))).toEqual({
      rps: 5753,
      p50: 0.31,
      p99: 1050,
      errors: 0,
    });
  });

  it("counts socket errors and answers that were not 2xx or 3xx", () => {
    const result = parseWrkOutput(
      report(
        "     99%   13.16ms\n  46024 requests in 8.00s, 2.92GB read\n  Socket errors: connect 1, read 2, write 0, timeout 3\n  Non-2xx or 3xx responses: 7",
      ),
    );
    expect(result.p99).toBe(13.16);
    expect(result.errors).toBe(13);
  });

  it("refuses a report without the numbers rather than reporting zeros", () => {
    expect(() => parseWrkOutput("unable to connect to 127.0.0.1:3300 Connection refused")).toThrow(
      /wrk.s report has no/,
    );
  });
});
