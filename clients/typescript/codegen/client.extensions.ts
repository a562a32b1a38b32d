// Hand-written code that NSwag merges into client.g.ts (the `extensionCode` in nswag.json): the
// configuration every client shares and the base class that applies it.

/**
 * Gives an OAuth 2.0 access token for the service (from your force's Entra ID tenant). It is asked before
 * every request, so it should return a cached token until that nears its expiry (as MSAL's
 * `acquireTokenByClientCredential` and `@azure/identity`'s credentials do). The signal is the request's.
 */
export type TokenProvider = (signal?: AbortSignal) => Promise<string> | string;

/** Where the service is and how every call proves who it is (an API key, or tokens); set once and shared by all clients. */
export class ComplianceApiConfiguration {
    constructor(
        /** The service root, such as `https://compliance.example.police.uk`, without `/api/v1`. */
        readonly baseUrl: string,
        /** The API key, sent as the `X-Api-Key` header on every request; unused when `getToken` is given. */
        readonly apiKey: string,
        /** The fetch to call; the platform's `globalThis.fetch` (Node 20+, browsers, workers) unless given. */
        readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response> = (input, init) => globalThis.fetch(input, init),
        /** Gives the access token each request sends as `Authorization: Bearer`, instead of the API key. */
        readonly getToken?: TokenProvider,
    ) {}

    /** A configuration whose calls send a bearer token from `getToken` instead of an API key. */
    static withToken(
        baseUrl: string,
        getToken: TokenProvider,
        fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
    ): ComplianceApiConfiguration {
        return new ComplianceApiConfiguration(baseUrl, "", fetch, getToken);
    }

    /**
     * A configuration whose calls send neither a key nor a token: for the operations anyone may call, a
     * force's public page of progress (`PublicClient.getPublicProgress`). Every other operation answers 401.
     */
    static anonymous(
        baseUrl: string,
        fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>,
    ): ComplianceApiConfiguration {
        return new ComplianceApiConfiguration(baseUrl, "", fetch);
    }
}

export class ComplianceApiClientBase {
    constructor(protected readonly configuration: ComplianceApiConfiguration) {}

    protected getBaseUrl(_defaultUrl: string, baseUrl?: string): string {
        return (baseUrl ?? this.configuration.baseUrl).replace(/\/+$/, "");
    }

    protected async transformOptions(options: RequestInit): Promise<RequestInit> {
        const headers = new Headers(options.headers);
        const getToken = this.configuration.getToken;
        if (getToken) {
            headers.set("Authorization", `Bearer ${await getToken(options.signal ?? undefined)}`);
        } else if (this.configuration.apiKey !== "") {
            headers.set("X-Api-Key", this.configuration.apiKey);
        }
        return { ...options, headers };
    }
}
