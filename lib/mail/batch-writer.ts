// Group commit: items added while one batch is being written wait together for the next, so a
// thousand messages a second cost tens of transactions, not a thousand. Each add() resolves only
// once its own batch has committed ("acknowledged means stored") and rejects if that batch failed.
export interface BatchWriterOptions {
  /** Flush as soon as this many items wait. */
  maxItems: number;
  /** Otherwise flush this long after the first item of a batch arrived. */
  maxDelayMs: number;
}

interface Pending<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class BatchWriter<T> {
  #pending: Pending<T>[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> | null = null;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly options: BatchWriterOptions,
  ) {}

  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ item, resolve, reject });
      if (this.#writing) return; // the write in flight flushes what gathered when it ends
      if (this.#pending.length >= this.options.maxItems) this.#flush();
      else this.#timer ??= setTimeout(() => this.#flush(), this.options.maxDelayMs);
    });
  }

  /** Writes whatever waits, and resolves once nothing is left to write. */
  async drain(): Promise<void> {
    while (this.#writing || this.#pending.length > 0) {
      if (!this.#writing) this.#flush();
      await this.#writing;
    }
  }

  #flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#writing || this.#pending.length === 0) return;
    const batch = this.#pending.splice(0, this.options.maxItems);
    this.#writing = this.write(batch.map((entry) => entry.item)).then(
      () => batch.forEach((entry) => entry.resolve()),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
    void this.#writing.finally(() => {
      this.#writing = null;
      if (this.#pending.length > 0) this.#flush();
    });
  }
}
