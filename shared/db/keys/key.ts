/** A table item's primary key. */
export type Key = { PK: string; SK: string };
