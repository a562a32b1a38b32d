// Hand-written code that NSwag merges into client.g.ts (the `extensionCode` in nswag.json): the
// configuration every client shares and the base class that applies it.

/** Where the service is and the API key every call sends; set once and shared by all clients. */
export class ComplianceApiConfiguration {
    constructor(
        /** The service root, such as `https://compliance.example.police.uk`, without `/api/v1`. */
        readonly baseUrl: string,
        /** The API key, sent as the `X-Api-Key` header on every request. */
        readonly apiKey: string,
        /** The fetch to call; the platform's `globalThis.fetch` (Node 20+, browsers, workers) unless given. */
        readonly fetch: (input: string | URL | Request, init?: RequestInit) => Promise<Response> = (input, init) => globalThis.fetch(input, init),
    ) {}
}

export class ComplianceApiClientBase {
    constructor(protected readonly configuration: ComplianceApiConfiguration) {}

    protected getBaseUrl(_defaultUrl: string, baseUrl?: string): string {
        return (baseUrl ?? this.configuration.baseUrl).replace(/\/+$/, "");
    }

    protected transformOptions(options: RequestInit): Promise<RequestInit> {
        const headers = new Headers(options.headers);
        headers.set("X-Api-Key", this.configuration.apiKey);
        return Promise.resolve({ ...options, headers });
    }
}
