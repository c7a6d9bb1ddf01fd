import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

import { startSession } from "../../app/lib/auth/session.server";
import { CLIENT_IP_HEADER } from "../../app/lib/client-ip";
import type { SessionSubject } from "../../app/models/sessions.server";

export const ORIGIN = "http://portal.test";

/** A session cookie ("name=value") for this subject, made the way sign-in makes one. */
export async function sessionCookieFor(subject: SessionSubject, options: { notAfter?: Date } = {}): Promise<string> {
  const setCookie = await startSession(new Request(`${ORIGIN}/`), subject, options);
  return cookiePair(setCookie);
}

export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0] ?? "";
}

export interface CallOptions {
  path: string;
  params?: Record<string, string>;
  cookie?: string;
  form?: Record<string, string> | URLSearchParams;
  ip?: string;
  headers?: Record<string, string>;
}

/** What a loader or action answered, whether it returned or threw. */
export interface Outcome {
  status: number;
  headers: Headers;
  data: unknown;
  location: string | null;
}

function buildRequest(method: string, options: CallOptions): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  headers.set(CLIENT_IP_HEADER, options.ip ?? "203.0.113.7");
  let body: URLSearchParams | undefined;
  if (method !== "GET") {
    body = options.form instanceof URLSearchParams ? options.form : new URLSearchParams(options.form ?? {});
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  return new Request(`${ORIGIN}${options.path}`, { method, headers, body });
}

export async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  let value: unknown;
  try {
    value = await run();
  } catch (thrown) {
    value = thrown;
  }
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // plain text body
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const wrapped = value as { data: unknown; init?: ResponseInit | null };
    const headers = new Headers(wrapped.init?.headers);
    return { status: wrapped.init?.status ?? 200, headers, data: wrapped.data, location: headers.get("Location") };
  }
  if (value instanceof Error) throw value;
  return { status: 200, headers: new Headers(), data: value, location: null };
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

export function callLoader(loader: Loader, options: CallOptions): Promise<Outcome> {
  const request = buildRequest("GET", options);
  return settle(() => loader({ request, params: options.params ?? {}, context: { cspNonce: "", requestId: "test", clientIp: "203.0.113.7" } }));
}

export function callAction(action: Action, options: CallOptions): Promise<Outcome> {
  const request = buildRequest("POST", options);
  return settle(() => action({ request, params: options.params ?? {}, context: { cspNonce: "", requestId: "test", clientIp: "203.0.113.7" } }));
}

export interface RawCallOptions {
  path: string;
  params?: Record<string, string>;
  cookie?: string;
  ip?: string;
  /** Sent as is: a form, JSON, text, bytes or nothing. */
  body?: BodyInit;
  /** Content-Type to send; undefined sends none (FormData bodies set their own). */
  contentType?: string;
}

/** An action called with any body and Content-Type, as a hostile client could send. */
export function callActionRaw(action: Action, options: RawCallOptions): Promise<Outcome> {
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  headers.set(CLIENT_IP_HEADER, options.ip ?? "203.0.113.7");
  if (options.contentType) headers.set("Content-Type", options.contentType);
  const request = new Request(`${ORIGIN}${options.path}`, { method: "POST", headers, body: options.body });
  return settle(() => action({ request, params: options.params ?? {}, context: { cspNonce: "", requestId: "test", clientIp: options.ip ?? "203.0.113.7" } }));
}
