import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A fake OpenAI-compatible server on loopback for the real `openai` SDK: `POST /v1/chat/completions`
 * answers from a script (then from a default responder), and every request body is recorded.
 */

export type FakeReply =
  | { kind: 'json'; content: unknown; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { kind: 'raw'; content: string }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'hang' };

export type RecordedRequest = {
  path: string;
  body: {
    model?: string;
    messages?: Array<{ role: string; content: string }>;
    response_format?: {
      type: string;
      json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
    };
    [key: string]: unknown;
  };
};

/** Which of Echo's two calls a request is, by its structured-output schema name. */
export const callKind = (request: RecordedRequest) =>
  request.body.response_format?.json_schema?.name === 'draft_critique' ? 'critique' : 'draft';

export function draftAnswer(body: string, overrides: Record<string, unknown> = {}) {
  return {
    body,
    confidence: 80,
    reasoning: {
      questionsAddressed: [{ question: 'Is there parking?', answer: 'Yes', sourceEmailId: null }],
      dataUsed: [
        {
          dataPoint: 'Parking',
          sourceType: 'space',
          sourceId: '1',
          fieldPath: 'detailedAmenities.parking',
          value: 'x',
        },
      ],
      schedulingLogic: [],
      needsHumanReview: [],
    },
    ...overrides,
  };
}

const defaultResponder = (request: RecordedRequest): FakeReply =>
  callKind(request) === 'critique'
    ? { kind: 'json', content: { issues: [] }, usage: { prompt_tokens: 50, completion_tokens: 5 } }
    : {
        kind: 'json',
        content: draftAnswer(
          'Hi,\n\nThanks for your note. I will check with the host and come back to you.\n\nBest',
        ),
        usage: { prompt_tokens: 400, completion_tokens: 60 },
      };

export async function startFakeOpenAI() {
  const requests: RecordedRequest[] = [];
  const script: Array<FakeReply | ((request: RecordedRequest) => FakeReply)> = [];
  let responder: (request: RecordedRequest) => FakeReply = defaultResponder;
  const sockets = new Set<Socket>();

  function reply(res: ServerResponse, request: RecordedRequest, answer: FakeReply) {
    if (answer.kind === 'hang') return;
    // Short retry hints keep the SDK's backoff from slowing the tests down.
    const headers = {
      'content-type': 'application/json',
      'retry-after-ms': '10',
      'x-request-id': `req_${requests.length}`,
    };
    if (answer.kind === 'status') {
      res.writeHead(answer.status, headers);
      res.end(
        JSON.stringify({ error: { message: answer.message ?? `fake ${answer.status}`, type: 'fake_error' } }),
      );
      return;
    }
    const content = answer.kind === 'raw' ? answer.content : JSON.stringify(answer.content);
    const usage =
      answer.kind === 'json' ? (answer.usage ?? { prompt_tokens: 10, completion_tokens: 10 }) : undefined;
    res.writeHead(200, headers);
    res.end(
      JSON.stringify({
        id: `chatcmpl_${requests.length}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.body.model ?? 'fake',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content, refusal: null },
            finish_reason: 'stop',
            logprobs: null,
          },
        ],
        usage: usage && { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.startsWith('/v1/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      const request: RecordedRequest = {
        path: req.url,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      };
      requests.push(request);
      const next = script.shift();
      const answer = next ? (typeof next === 'function' ? next(request) : next) : responder(request);
      reply(res, request, answer);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** Answers for the next requests, in order; a function decides from the request. */
    script(...answers: Array<FakeReply | ((request: RecordedRequest) => FakeReply)>) {
      script.push(...answers);
    },
    /** The answer once the script is used up. */
    respond(next: (request: RecordedRequest) => FakeReply) {
      responder = next;
    },
    reset() {
      requests.length = 0;
      script.length = 0;
      responder = defaultResponder;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeOpenAI = Awaited<ReturnType<typeof startFakeOpenAI>>;
