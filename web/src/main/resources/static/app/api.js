// The HTTP API client: the sign-in token lives in sessionStorage (gone when the tab closes), errors are RFC 9457
// problems whose `detail` is shown to the user as it is.
import { useTimeZone } from './dom.js';

const KEY = 'dictum.session';

export const session = {
  get() {
    try {
      const s = JSON.parse(sessionStorage.getItem(KEY));
      if (!s || !s.token) return null;
      if (s.expiresAt && Date.parse(s.expiresAt) <= Date.now()) {
        sessionStorage.removeItem(KEY);
        return null;
      }
      return s;
    } catch {
      return null;
    }
  },
  set(value) {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  },
  clear() {
    sessionStorage.removeItem(KEY);
  },
  isClient() {
    return this.get()?.role === 'client';
  },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Dictum answered with status ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

async function request(method, path, { json, body, contentType, auth = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const current = session.get();
  if (auth && current) headers.Authorization = `Bearer ${current.token}`;
  let payload = body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  } else if (contentType) {
    headers['Content-Type'] = contentType;
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, { detail: 'Dictum cannot be reached. Check the connection and try again.' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (response.status === 401 && auth) {
    session.clear();
    window.dispatchEvent(new CustomEvent('dictum:signed-out',
      { detail: 'Your sign-in has ended. Please sign in again.' }));
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, json) => request('POST', path, { json }),
  patch: (path, json) => request('PATCH', path, { json }),
  delete: (path) => request('DELETE', path),
  postBody: (path, body, contentType) => request('POST', path, { body, contentType }),
  login: (username, password) => request('POST', '/auth/login', { json: { username, password }, auth: false }),
  /** Every item of a paged list, page by page: a docket must never show only its first page. */
  all: async (path) => {
    const size = 200;
    const items = [];
    for (let page = 0; ; page += 1) {
      const batch = await request('GET', `${path}${path.includes('?') ? '&' : '?'}page=${page}&size=${size}`);
      items.push(...batch);
      if (batch.length < size) return items;
    }
  },
};

/** Query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Fetches a file from the API with the bearer token, which a plain link or frame cannot send, as a blob. */
export async function fetchBlob(path) {
  const current = session.get();
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { headers: current ? { Authorization: `Bearer ${current.token}` } : {} });
  } catch {
    throw new ApiError(0, { detail: 'Dictum cannot be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    throw new ApiError(response.status, problem);
  }
  return response.blob();
}

/** Downloads a file from the API: fetched as a blob and handed to the browser. */
export async function downloadFrom(path, filename) {
  const blob = await fetchBlob(path);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename || 'document';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Downloads a document version (the newest when version is omitted). */
export function download(documentId, version, filename) {
  return downloadFrom(`/documents/${encodeURIComponent(documentId)}/content${query({ version })}`, filename);
}

let me = null;

/** The signed-in user (GET /me: id, username, displayName, role, email, contactId, caseIds), read once per sign-in. */
export async function currentUser() {
  const token = session.get()?.token;
  if (me?.token !== token) {
    me = { token, user: await api.get('/me') };
    useTimeZone(me.user.timeZone);
  }
  return me.user;
}

/** The signed-in user's id. */
export async function myUserId() {
  return (await currentUser()).id;
}
