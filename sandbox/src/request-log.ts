import type { ServerResponse } from 'node:http';

export interface LoggedRequest {
  method: string;
  path: string;
  /** 0 until answered, and for good when the connection was dropped without an answer. */
  status: number;
}

/** Every request the sandbox received, in arrival order, so tests can see what a client really sent. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  record(method: string, path: string, res: ServerResponse): void {
    const entry: LoggedRequest = { method, path, status: 0 };
    this.entries.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
  }

  list(): LoggedRequest[] {
    return this.entries.map((entry) => ({ ...entry }));
  }
}
