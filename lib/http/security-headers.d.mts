export declare function strictPolicy(nonce: string): string;
export declare function hashedPublicPolicy(hashSources: string[]): string;
export declare const PUBLIC_POLICY: string;
export declare const COMMON_HEADERS: Array<{ key: string; value: string }>;
