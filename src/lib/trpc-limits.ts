/** The most tRPC calls one HTTP request may carry; the server refuses more, the client never sends more. */
export const MAX_BATCH_SIZE = 20;
