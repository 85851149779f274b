import { CsvDocument, type DocumentChange } from '@numbers-csv/shared';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerSettings } from './settings.js';
import { isServed, isTracked } from './selection.js';
import { describeError, type Log } from './safe.js';

/**
 * How much of a document's start is read to tell whether its header makes it a numbers CSV file: far
 * more than any header line, and far less than the whole of a large file on every keystroke.
 */
const HEADER_LOOK_AHEAD = 64 * 1024;

/** A document the server validates: its CsvDocument holds the text and the validation. */
export interface ServedDocument {
  readonly uri: string;
  readonly languageId: string;
  version: number;
  readonly document: CsvDocument;
  settings: ServerSettings;
}

export interface DocumentEvents {
  /** The document was validated (opened, edited, picked up or given new settings). */
  validated(served: ServedDocument): void;
  /** The document is no longer served (closed, or a `csv` one no longer has our header). */
  dropped(uri: string, version: number | undefined): void;
}

interface Tracked {
  readonly uri: string;
  readonly languageId: string;
  version: number;
  /** Set while the document is served; otherwise `plain` keeps its text, to notice when it qualifies. */
  served?: ServedDocument;
  plain?: TextDocument;
  closed: boolean;
  /**
   * Work on this document, chained: reading settings is asynchronous, and an edit must never be
   * applied before the open (or the settings) it follows.
   */
  queue: Promise<void>;
}

/**
 * The open documents of the languages the server may serve. Text sync is incremental and applied to
 * the CsvDocument itself (no second copy of a 100,000-row text), one change batch at a time, in order;
 * each batch is validated and reported before the next.
 */
export class Documents {
  private readonly tracked = new Map<string, Tracked>();

  constructor(
    private readonly settingsFor: (uri: string) => Promise<ServerSettings>,
    private readonly events: DocumentEvents,
    private readonly log: Log,
  ) {}

  open(uri: string, languageId: string, version: number, text: string): void {
    if (!isTracked(languageId)) return;
    // A second open of the same URI (a client changing its language) starts afresh.
    if (this.tracked.has(uri)) this.close(uri);
    const tracked: Tracked = { uri, languageId, version, closed: false, queue: Promise.resolve() };
    this.tracked.set(uri, tracked);
    this.enqueue(tracked, async () => {
      if (isServed(languageId, text)) await this.serve(tracked, text);
      else tracked.plain = TextDocument.create(uri, languageId, version, text);
    });
  }

  change(uri: string, version: number, changes: readonly DocumentChange[]): void {
    const tracked = this.tracked.get(uri);
    if (!tracked) return;
    this.enqueue(tracked, async () => {
      tracked.version = version;
      if (tracked.served) {
        const served = tracked.served;
        try {
          served.document.update(changes);
        } catch (error) {
          // The document validated its new text from scratch before throwing: report that, and log this.
          this.log.error(`Keeping ${tracked.uri} up to date failed; it was validated from scratch: ${describeError(error)}`);
        }
        served.version = version;
        if (isServed(tracked.languageId, served.document.slice(0, HEADER_LOOK_AHEAD))) this.events.validated(served);
        else {
          tracked.served = undefined;
          tracked.plain = TextDocument.create(uri, tracked.languageId, version, served.document.text);
          this.events.dropped(uri, version);
        }
      } else if (tracked.plain) {
        const plain = TextDocument.update(tracked.plain, [...changes], version);
        if (isServed(tracked.languageId, plain.getText())) {
          tracked.plain = undefined;
          await this.serve(tracked, plain.getText());
        }
      }
    });
  }

  close(uri: string): void {
    const tracked = this.tracked.get(uri);
    if (!tracked) return;
    // At once, not queued: the next open of this URI must not have its diagnostics cleared later.
    tracked.closed = true;
    this.tracked.delete(uri);
    this.events.dropped(uri, undefined);
  }

  /** Validates every served document again with settings read anew. */
  reconfigure(): void {
    for (const tracked of this.tracked.values()) {
      this.enqueue(tracked, async () => {
        const served = tracked.served;
        if (!served) return;
        const settings = await this.settingsFor(tracked.uri);
        if (tracked.closed || tracked.served !== served) return;
        served.settings = settings;
        served.document.configure(settings.core);
        this.events.validated(served);
      });
    }
  }

  /** The served document as of every change received so far; undefined when it is not served. */
  async get(uri: string): Promise<ServedDocument | undefined> {
    const tracked = this.tracked.get(uri);
    if (!tracked) return undefined;
    await tracked.queue;
    return tracked.closed ? undefined : tracked.served;
  }

  private async serve(tracked: Tracked, text: string): Promise<void> {
    const settings = await this.settingsFor(tracked.uri);
    if (tracked.closed) return;
    const served: ServedDocument = { uri: tracked.uri, languageId: tracked.languageId, version: tracked.version, document: new CsvDocument(text, settings.core), settings };
    tracked.served = served;
    this.events.validated(served);
  }

  private enqueue(tracked: Tracked, step: () => Promise<void>): void {
    tracked.queue = tracked.queue.then(async () => {
      if (tracked.closed) return;
      try {
        await step();
      } catch (error) {
        // One failed step must not stop the steps after it, nor leave the chain rejected.
        this.log.error(`Updating ${tracked.uri} failed: ${describeError(error)}`);
      }
    });
  }
}
