/**
 * Generated from the server's OpenAPI document by `npm run api:types`
 * (server/tools/openapi-dump.ts with openapi-typescript). Do not edit: change the zod
 * schemas on the server and regenerate. Web types that describe API payloads derive
 * from `components`/`paths` here, so a payload change the web relies on fails
 * `npm run typecheck`.
 */

export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API keys */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                id: string;
                                lastUsedAt: string | null;
                                name: string;
                                prefix: string;
                                revokedAt: string | null;
                                scopes: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a scoped API key; the key is shown only in this response */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        scopes: ("users:read" | "users:write" | "roles:write" | "apikeys:manage" | "audit:read" | "market-data:read" | "market-data:write" | "orders:read" | "orders:write" | "deals:write" | "trading:halt" | "portfolio:read" | "risk:read" | "risk:write" | "forecasts:read" | "forecasts:write" | "optimisation:read" | "optimisation:write" | "compliance:read" | "compliance:write" | "ledger:read" | "keys:manage" | "ledger:write")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            key: string;
                            name: string;
                            prefix: string;
                            scopes: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auctions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Day-ahead auctions (tomorrow's are opened by the desk's scheduler) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                area: string;
                                deliveryDay: string;
                                gateClosure: string;
                                id: string;
                                /** @enum {string} */
                                status: "open" | "cleared";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auctions/{id}/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Clear the auction at uniform prices per hour */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hours: {
                                cleared: boolean;
                                hour: number;
                                price: number | null;
                                reason: string | null;
                                volume: number;
                            }[];
                            mine: {
                                accepted: number;
                                hour: number;
                                /** @enum {string} */
                                side: "bid" | "offer";
                                submitted: number;
                            }[];
                            /** @enum {string} */
                            status: "open" | "cleared";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auctions/{id}/curves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit (or replace) a bid or offer curve for one delivery hour */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hour: number;
                        /** @enum {string} */
                        side: "bid" | "offer";
                        steps: {
                            price: number;
                            quantity: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            auctionId: string;
                            hour: number;
                            /** @enum {string} */
                            side: "bid" | "offer";
                            steps: {
                                price: number;
                                quantity: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auctions/{id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Clearing prices and volumes per hour, and the caller's accepted volume */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hours: {
                                cleared: boolean;
                                hour: number;
                                price: number | null;
                                reason: string | null;
                                volume: number;
                            }[];
                            mine: {
                                accepted: number;
                                hour: number;
                                /** @enum {string} */
                                side: "bid" | "offer";
                                submitted: number;
                            }[];
                            /** @enum {string} */
                            status: "open" | "cleared";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the audit trail, newest first */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    actor?: string;
                    from?: string;
                    limit?: number;
                    offset?: number;
                    target?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                action: string;
                                actor: string;
                                at: string;
                                details: {
                                    [key: string]: unknown;
                                };
                                hash: string;
                                /** @enum {string} */
                                hashAlg: "sha256" | "hmac-sha256";
                                id: string;
                                ip: string | null;
                                keyId: string | null;
                                prevHash: string;
                                requestId: string | null;
                                seq: number;
                                target: string | null;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain and report the first broken link */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checked: number;
                            firstBrokenSeq: number | null;
                            ok: boolean;
                            reason: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in; sets the refresh and CSRF cookies */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        totp?: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                id: string;
                                lastLoginAt: string | null;
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                permissions: string[];
                                roles: string[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session of the refresh cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the refresh token and get a new access token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                id: string;
                                lastLoginAt: string | null;
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                permissions: string[];
                                roles: string[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts from flagged orders and deals and from surveillance */
        get: {
            parameters: {
                query?: {
                    account?: string;
                    kind?: string;
                    limit?: number;
                    source?: string;
                    status?: "open" | "closed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account: string | null;
                                citation: string | null;
                                createdAt: string;
                                decisionId: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                instrumentId: string | null;
                                kind: string;
                                message: string;
                                score: number | null;
                                source: string;
                                /** @enum {string} */
                                status: "open" | "closed";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/books": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The legal entity, country and Shariah flag of each book */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account: string;
                                country: string;
                                legalEntity: string;
                                shariah: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/books/{account}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets a book's legal entity, country and Shariah flag */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    account: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        country: string;
                        legalEntity: string;
                        /** @default false */
                        shariah?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            country: string;
                            legalEntity: string;
                            shariah: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pre-trade decisions: why was this order allowed, flagged or blocked? */
        get: {
            parameters: {
                query?: {
                    account?: string;
                    clientOrderId?: string;
                    from?: string;
                    instrumentId?: string;
                    limit?: number;
                    outcome?: "allow" | "block" | "flag";
                    ruleId?: string;
                    subjectId?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account: string;
                                citation: string | null;
                                clientOrderId: string | null;
                                counterparty: string | null;
                                decidedAt: string;
                                derivation: {
                                    because: string;
                                    jurisdiction: string;
                                    source: string;
                                }[];
                                evaluated: {
                                    fired: boolean;
                                    ruleId: string;
                                    version: number;
                                }[];
                                flags: ({
                                    citation: string;
                                    message: string;
                                    ruleId: string;
                                    version: number;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                id: string;
                                instrumentId: string;
                                jurisdictions: string[];
                                message: string | null;
                                /** @enum {string} */
                                outcome: "allow" | "block" | "flag";
                                ruleId: string | null;
                                subjectId: string | null;
                                /** @enum {string} */
                                subjectKind: "order" | "deal";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/inside-information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inside-information events with their insider lists */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                insiders: string[];
                                products: string[];
                                publishedAt: string | null;
                                publishedBy: string | null;
                                registeredAt: string;
                                registeredBy: string;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Registers unpublished inside information and its insiders: they may not trade the products until it is published */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        insiders: string[];
                        products: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            insiders: string[];
                            products: string[];
                            publishedAt: string | null;
                            publishedBy: string | null;
                            registeredAt: string;
                            registeredBy: string;
                            title: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/inside-information/{id}/insiders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adds people to the insider list of an unpublished event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accounts: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/inside-information/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Records the publication of the information, which lifts its embargo */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/parties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counterparties and their countries */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                country: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/parties/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets a counterparty's country */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        country: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            country: string;
                            name: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/restricted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The restricted list */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                addedAt: string;
                                addedBy: string;
                                instrumentId: string;
                                reason: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Puts a product on the restricted list */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        instrumentId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addedAt: string;
                            addedBy: string;
                            instrumentId: string;
                            reason: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/restricted/{instrumentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Takes a product off the restricted list */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    instrumentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/rule-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proposed, approved and rejected rule changes */
        get: {
            parameters: {
                query?: {
                    ruleId?: string;
                    status?: "proposed" | "approved" | "rejected";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                baseVersion: number;
                                decidedAt: string | null;
                                decidedBy: string | null;
                                id: string;
                                params: {
                                    [key: string]: unknown;
                                };
                                previousParams: {
                                    [key: string]: unknown;
                                };
                                proposedAt: string;
                                proposedBy: string;
                                reason: string;
                                ruleId: string;
                                /** @enum {string} */
                                status: "proposed" | "approved" | "rejected";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/rule-changes/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approves a proposed rule change (not by its proposer) and applies it as the next version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseVersion: number;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            id: string;
                            params: {
                                [key: string]: unknown;
                            };
                            previousParams: {
                                [key: string]: unknown;
                            };
                            proposedAt: string;
                            proposedBy: string;
                            reason: string;
                            ruleId: string;
                            /** @enum {string} */
                            status: "proposed" | "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/rule-changes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rejects a proposed rule change (not by its proposer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseVersion: number;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            id: string;
                            params: {
                                [key: string]: unknown;
                            };
                            previousParams: {
                                [key: string]: unknown;
                            };
                            proposedAt: string;
                            proposedBy: string;
                            reason: string;
                            ruleId: string;
                            /** @enum {string} */
                            status: "proposed" | "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rule packs: every rule with its parameters, version and dates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                action: "block" | "flag";
                                appliesTo: ("order" | "deal")[];
                                citation: string;
                                effectiveFrom: string;
                                effectiveTo: string | null;
                                id: string;
                                inForce: boolean;
                                /** @enum {string} */
                                jurisdiction: "DESK" | "EU" | "UK" | "US" | "AE" | "GY" | "SHARIAH";
                                /** @enum {string} */
                                kind: "restricted_list" | "sanctioned_counterparty" | "max_order_size" | "price_collar" | "self_trade" | "insider_embargo" | "position_limit" | "shariah_screen" | "surrender_deadline_warning";
                                pack: string;
                                params: {
                                    [key: string]: unknown;
                                };
                                title: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "block" | "flag";
                            appliesTo: ("order" | "deal")[];
                            citation: string;
                            effectiveFrom: string;
                            effectiveTo: string | null;
                            id: string;
                            inForce: boolean;
                            /** @enum {string} */
                            jurisdiction: "DESK" | "EU" | "UK" | "US" | "AE" | "GY" | "SHARIAH";
                            /** @enum {string} */
                            kind: "restricted_list" | "sanctioned_counterparty" | "max_order_size" | "price_collar" | "self_trade" | "insider_embargo" | "position_limit" | "shariah_screen" | "surrender_deadline_warning";
                            pack: string;
                            params: {
                                [key: string]: unknown;
                            };
                            title: string;
                            version: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/rules/{id}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Proposes new parameters for a rule; another officer must approve them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        params: {
                            [key: string]: unknown;
                        };
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            baseVersion: number;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            id: string;
                            params: {
                                [key: string]: unknown;
                            };
                            previousParams: {
                                [key: string]: unknown;
                            };
                            proposedAt: string;
                            proposedBy: string;
                            reason: string;
                            ruleId: string;
                            /** @enum {string} */
                            status: "proposed" | "approved" | "rejected";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/sanctions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sanctioned parties list */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                country: string | null;
                                importedAt: string;
                                importedBy: string;
                                listedOn: string | null;
                                name: string;
                                programme: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/sanctions/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replaces the sanctions list from CSV (name, programme, country, listed_on); any bad row imports nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            imported: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/surveillance/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts the surveillance detectors over the trades of a range (at most 31 days) as a background run */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertsFound: number;
                            byDetector: {
                                [key: string]: number;
                            };
                            error: string | null;
                            fillsRead: number;
                            finishedAt: string | null;
                            fraction: number;
                            from: string;
                            id: string;
                            startedAt: string;
                            startedBy: string;
                            /** @enum {string} */
                            status: "running" | "done" | "failed";
                            to: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/surveillance/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A surveillance run: status, progress and the alerts it found */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            alertsFound: number;
                            byDetector: {
                                [key: string]: number;
                            };
                            error: string | null;
                            fillsRead: number;
                            finishedAt: string | null;
                            fraction: number;
                            from: string;
                            id: string;
                            startedAt: string;
                            startedBy: string;
                            /** @enum {string} */
                            status: "running" | "done" | "failed";
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's deals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                counterparty: string;
                                deliveryEnd: string;
                                deliveryStart: string;
                                id: string;
                                instrumentId: string;
                                price: number;
                                quantity: number;
                                /** @enum {string} */
                                side: "buy" | "sell";
                                /** @enum {string} */
                                status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                                trader: string;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Capture an OTC deal */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        counterparty: string;
                        /** Format: date-time */
                        deliveryEnd: string;
                        /** Format: date-time */
                        deliveryStart: string;
                        instrumentId: string;
                        price: number;
                        quantity: number;
                        /** @enum {string} */
                        side: "buy" | "sell";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counterparty: string;
                            deliveryEnd: string;
                            deliveryStart: string;
                            id: string;
                            instrumentId: string;
                            price: number;
                            quantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                            trader: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal with its version history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counterparty: string;
                            deliveryEnd: string;
                            deliveryStart: string;
                            id: string;
                            instrumentId: string;
                            price: number;
                            quantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                            trader: string;
                            updatedAt: string;
                            version: number;
                            versions: {
                                changedBy: string;
                                counterparty: string;
                                deliveryEnd: string;
                                deliveryStart: string;
                                id: string;
                                instrumentId: string;
                                price: number;
                                quantity: number;
                                reason: string | null;
                                /** @enum {string} */
                                side: "buy" | "sell";
                                /** @enum {string} */
                                status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                                trader: string;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Amend a deal (adds a version) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        counterparty?: string;
                        /** Format: date-time */
                        deliveryEnd?: string;
                        /** Format: date-time */
                        deliveryStart?: string;
                        instrumentId?: string;
                        price?: number;
                        quantity?: number;
                        /** @enum {string} */
                        side?: "buy" | "sell";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counterparty: string;
                            deliveryEnd: string;
                            deliveryStart: string;
                            id: string;
                            instrumentId: string;
                            price: number;
                            quantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                            trader: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/deals/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a deal by agreement with the counterparty (adds a version with the reason) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counterparty: string;
                            deliveryEnd: string;
                            deliveryStart: string;
                            id: string;
                            instrumentId: string;
                            price: number;
                            quantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                            trader: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a deal with the counterparty */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counterparty: string;
                            deliveryEnd: string;
                            deliveryStart: string;
                            id: string;
                            instrumentId: string;
                            price: number;
                            quantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                            trader: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of a deal */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                changedBy: string;
                                counterparty: string;
                                deliveryEnd: string;
                                deliveryStart: string;
                                id: string;
                                instrumentId: string;
                                price: number;
                                quantity: number;
                                reason: string | null;
                                /** @enum {string} */
                                side: "buy" | "sell";
                                /** @enum {string} */
                                status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                                trader: string;
                                updatedAt: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a deal booked in error (adds a version with the reason) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counterparty: string;
                            deliveryEnd: string;
                            deliveryStart: string;
                            id: string;
                            instrumentId: string;
                            price: number;
                            quantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "captured" | "confirmed" | "amended" | "cancelled" | "voided" | "settled";
                            trader: string;
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/anomalies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Flag price spikes and stuck feeds in a price series */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        minimumRun?: number;
                        prices: number[];
                        threshold?: number;
                        window?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                index: number;
                                /** @enum {string} */
                                kind: "spike" | "stuck_feed";
                                score: number;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/benchmark": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The published epftoolbox results our metrics are compared with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            citation: string;
                            items: {
                                mae: number;
                                market: string;
                                model: string;
                                rmae: number;
                                rmse: number;
                                smape: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Diebold-Mariano test of two model versions of one target over the days both forecast and whose outcome is known */
        get: {
            parameters: {
                query: {
                    a: string;
                    b: string;
                    loss?: "absolute" | "squared";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            a: {
                                /** @enum {string} */
                                kind: "naive" | "lear" | "mlp" | "ensemble" | "seasonal";
                                meanLoss: number;
                                modelId: string;
                                version: number;
                            };
                            b: {
                                /** @enum {string} */
                                kind: "naive" | "lear" | "mlp" | "ensemble" | "seasonal";
                                meanLoss: number;
                                modelId: string;
                                version: number;
                            };
                            better: ("a" | "b") | null;
                            daysCompared: number;
                            from: string;
                            hoursCompared: number;
                            /** @enum {string} */
                            loss: "absolute" | "squared";
                            pValue: number | null;
                            pValueABetter: number | null;
                            pValueBBetter: number | null;
                            significance: number;
                            statistic: number | null;
                            target: string;
                            to: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/datasets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Uploaded data sets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                columns: string[];
                                createdAt: string;
                                days: number;
                                firstDate: string;
                                id: string;
                                lastDate: string;
                                market: string;
                                name: string;
                                target: string;
                                uploadedBy: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Upload a market history in the epftoolbox CSV layout (date, price, two exogenous series) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                        market: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            columns: string[];
                            createdAt: string;
                            days: number;
                            firstDate: string;
                            id: string;
                            lastDate: string;
                            market: string;
                            name: string;
                            target: string;
                            uploadedBy: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 24 hourly prices of a day with 90% intervals, from a model or the deployed one */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        day: string;
                        /** Format: uuid */
                        modelId?: string;
                        target?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            day: string;
                            hours: {
                                actual: number | null;
                                deliveryDay: string;
                                hour: number;
                                lower: number | null;
                                time: string;
                                upper: number | null;
                                value: number;
                            }[];
                            modelId: string;
                            target: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/forecasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored forecasts against actual prices, for charting */
        get: {
            parameters: {
                query: {
                    from: string;
                    modelId?: string;
                    target: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            modelId: string | null;
                            points: {
                                actual: number | null;
                                deliveryDay: string;
                                hour: number;
                                lower: number | null;
                                time: string;
                                upper: number | null;
                                value: number;
                            }[];
                            target: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A training job and its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            error: string | null;
                            finishedAt: string | null;
                            id: string;
                            message: string;
                            modelId: string;
                            progress: number;
                            startedAt: string | null;
                            /** @enum {string} */
                            status: "queued" | "running" | "succeeded" | "failed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model versions with their walk-forward metrics, newest first */
        get: {
            parameters: {
                query?: {
                    target?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                calibrationWindows: number[];
                                createdAt: string;
                                deployed: boolean;
                                features: string[];
                                id: string;
                                intervalHalfWidths: (number | null)[] | null;
                                /** @enum {string} */
                                kind: "naive" | "lear" | "mlp" | "ensemble" | "seasonal";
                                metrics: {
                                    [key: string]: number | null;
                                } | null;
                                /** @enum {string} */
                                status: "training" | "ready" | "failed";
                                target: string;
                                testDays: number;
                                trainedBy: string;
                                trainingFrom: string;
                                trainingTo: string;
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Train and evaluate a model version as a background job */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        calibrationWindows?: number[];
                        /** Format: uuid */
                        datasetId?: string;
                        /** @enum {string} */
                        kind: "naive" | "lear" | "mlp" | "ensemble" | "seasonal";
                        target?: string;
                        testDays: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobId: string;
                            modelId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/models/{id}/deploy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a ready model the one that serves its target */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            calibrationWindows: number[];
                            createdAt: string;
                            deployed: boolean;
                            features: string[];
                            id: string;
                            intervalHalfWidths: (number | null)[] | null;
                            /** @enum {string} */
                            kind: "naive" | "lear" | "mlp" | "ensemble" | "seasonal";
                            metrics: {
                                [key: string]: number | null;
                            } | null;
                            /** @enum {string} */
                            status: "training" | "ready" | "failed";
                            target: string;
                            testDays: number;
                            trainedBy: string;
                            trainingFrom: string;
                            trainingTo: string;
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forecasting/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What models can forecast: uploaded data sets, day-ahead instruments and load areas */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kinds: ("naive" | "lear" | "mlp" | "ensemble" | "seasonal")[];
                                label: string;
                                market: string;
                                /** @enum {string} */
                                series: "price" | "load";
                                /** @enum {string} */
                                source: "dataset" | "dataset-load" | "instrument" | "load";
                                target: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instruments, by commodity and area */
        get: {
            parameters: {
                query?: {
                    area?: string;
                    commodity?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                area: string;
                                commodity: string;
                                currency: string;
                                deliveryPeriod: string;
                                id: string;
                                lotSize: string;
                                name: string;
                                tickSize: string;
                                timeZone: string;
                                unit: string;
                                venue: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Key encryption keys and their versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                activatedAt: string | null;
                                algorithm: string;
                                createdAt: string;
                                destroyedAt: string | null;
                                keyId: string;
                                retiredAt: string | null;
                                revokedAt: string | null;
                                /** @enum {string} */
                                state: "pending" | "active" | "retired" | "revoked" | "destroyed";
                                version: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a key with an active first version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default ML-KEM-1024+X25519
                         * @enum {string}
                         */
                        algorithm?: "ML-KEM-1024+X25519" | "RSA-4096-OAEP-SHA256";
                        keyId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            algorithm: string;
                            createdAt: string;
                            destroyedAt: string | null;
                            keyId: string;
                            retiredAt: string | null;
                            revokedAt: string | null;
                            /** @enum {string} */
                            state: "pending" | "active" | "retired" | "revoked" | "destroyed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{keyId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a new version and rewrap the key’s envelopes onto it in the background */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        algorithm?: "ML-KEM-1024+X25519" | "RSA-4096-OAEP-SHA256";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rewrapJob: {
                                error: string | null;
                                finishedAt: string | null;
                                id: number;
                                keyId: string;
                                rewrapped: number;
                                skipped: number;
                                startedAt: string;
                                startedBy: string;
                                /** @enum {string} */
                                state: "running" | "done" | "failed";
                                total: number;
                                toVersion: number;
                            };
                            version: {
                                activatedAt: string | null;
                                algorithm: string;
                                createdAt: string;
                                destroyedAt: string | null;
                                keyId: string;
                                retiredAt: string | null;
                                revokedAt: string | null;
                                /** @enum {string} */
                                state: "pending" | "active" | "retired" | "revoked" | "destroyed";
                                version: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{keyId}/versions/{version}/destroy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase a retired or revoked version after its retention period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            activatedAt: string | null;
                            algorithm: string;
                            createdAt: string;
                            destroyedAt: string | null;
                            keyId: string;
                            retiredAt: string | null;
                            revokedAt: string | null;
                            /** @enum {string} */
                            state: "pending" | "active" | "retired" | "revoked" | "destroyed";
                            version: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{keyId}/versions/{version}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a version: it opens nothing; the data sealed under it is listed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            affected: {
                                malformed: number;
                                records: {
                                    holder: string;
                                    recordId: string;
                                    version: number;
                                }[];
                                total: number;
                            };
                            version: {
                                activatedAt: string | null;
                                algorithm: string;
                                createdAt: string;
                                destroyedAt: string | null;
                                keyId: string;
                                retiredAt: string | null;
                                revokedAt: string | null;
                                /** @enum {string} */
                                state: "pending" | "active" | "retired" | "revoked" | "destroyed";
                                version: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/{keyId}/versions/{version}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The data sealed under a version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            malformed: number;
                            records: {
                                holder: string;
                                recordId: string;
                                version: number;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/keys/rewrap-jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress of a rewrap job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string | null;
                            finishedAt: string | null;
                            id: number;
                            keyId: string;
                            rewrapped: number;
                            skipped: number;
                            startedAt: string;
                            startedBy: string;
                            /** @enum {string} */
                            state: "running" | "done" | "failed";
                            total: number;
                            toVersion: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys tree heads are signed under */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ed25519: {
                                keyId: string;
                                publicKey: string;
                            };
                            mlDsa87: {
                                keyId: string;
                                publicKey: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consistency proof between two tree sizes, with the signed tree head of the second */
        get: {
            parameters: {
                query: {
                    first: number;
                    second?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            first: number;
                            firstTreeHead: {
                                root: string;
                                signatures: {
                                    ed25519: {
                                        keyId: string;
                                        signature: string;
                                    };
                                    mlDsa87: {
                                        keyId: string;
                                        signature: string;
                                    };
                                };
                                size: number;
                                time: string;
                                timeMs: number;
                            } | null;
                            /** @enum {string} */
                            kind: "consistency";
                            path: string[];
                            second: number;
                            treeHead: {
                                root: string;
                                signatures: {
                                    ed25519: {
                                        keyId: string;
                                        signature: string;
                                    };
                                    mlDsa87: {
                                        keyId: string;
                                        signature: string;
                                    };
                                };
                                size: number;
                                time: string;
                                timeMs: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inclusion proof of a record, with the signed tree head it was computed against */
        get: {
            parameters: {
                query: {
                    record: string;
                    size?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            kind: "inclusion";
                            path: string[];
                            record: {
                                canonical: string;
                                index: number;
                                key: string;
                                leafHash: string;
                            };
                            treeHead: {
                                root: string;
                                signatures: {
                                    ed25519: {
                                        keyId: string;
                                        signature: string;
                                    };
                                    mlDsa87: {
                                        keyId: string;
                                        signature: string;
                                    };
                                };
                                size: number;
                                time: string;
                                timeMs: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/tree-heads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Signed tree heads, newest first */
        get: {
            parameters: {
                query?: {
                    beforeSize?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                root: string;
                                signatures: {
                                    ed25519: {
                                        keyId: string;
                                        signature: string;
                                    };
                                    mlDsa87: {
                                        keyId: string;
                                        signature: string;
                                    };
                                };
                                size: number;
                                time: string;
                                timeMs: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Publish a signed tree head now (kept when the log has not grown) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            published: boolean;
                            treeHead: {
                                root: string;
                                signatures: {
                                    ed25519: {
                                        keyId: string;
                                        signature: string;
                                    };
                                    mlDsa87: {
                                        keyId: string;
                                        signature: string;
                                    };
                                };
                                size: number;
                                time: string;
                                timeMs: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/tree-heads/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed tree head published at a size */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    size: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            root: string;
                            signatures: {
                                ed25519: {
                                    keyId: string;
                                    signature: string;
                                };
                                mlDsa87: {
                                    keyId: string;
                                    signature: string;
                                };
                            };
                            size: number;
                            time: string;
                            timeMs: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/tree-heads/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest signed tree head */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            root: string;
                            signatures: {
                                ed25519: {
                                    keyId: string;
                                    signature: string;
                                };
                                mlDsa87: {
                                    keyId: string;
                                    signature: string;
                                };
                            };
                            size: number;
                            time: string;
                            timeMs: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/bars": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OHLC bars aggregated from ticks; `format=csv` exports them */
        get: {
            parameters: {
                query: {
                    format?: "json" | "csv";
                    from: string;
                    instrument: string;
                    interval?: "1m" | "15m" | "1h" | "1d";
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            instrumentId: string;
                            /** @enum {string} */
                            interval: "1m" | "15m" | "1h" | "1d";
                            items: {
                                close: number;
                                high: number;
                                low: number;
                                open: number;
                                time: string;
                                volume: number;
                            }[];
                            timeZone: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/curves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Forward curves and their as-of dates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                area: string;
                                asOfDates: string[];
                                commodity: string;
                                id: string;
                                instrumentIds?: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Mark a forward curve for an as-of date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        asOf: string;
                        id: string;
                        instrumentId: string;
                        points: {
                            index: number;
                            price: number;
                            /** @enum {string} */
                            tenor: "month" | "quarter" | "year";
                            year: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            currency: string;
                            id: string;
                            points: {
                                end: string;
                                price: number;
                                start: string;
                                tenor: string;
                            }[];
                            unit: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/curves/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A forward curve as of a date, as quoted or shaped to hours */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    shape?: "quoted" | "hourly";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            currency: string;
                            id: string;
                            points: {
                                end: string;
                                price: number;
                                start: string;
                                tenor: string;
                            }[];
                            unit: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scheduled imports per source: configured, last run and success, rows stored, last error */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                configured: boolean;
                                consecutiveFailures: number;
                                keyVariable: string;
                                lastError: string | null;
                                lastRowsRejected: number | null;
                                lastRowsStored: number | null;
                                lastRunAt: string | null;
                                lastSuccessAt: string | null;
                                name: string;
                                nextRunAt: string | null;
                                running: boolean;
                                /** @enum {string} */
                                source: "entsoe" | "eia" | "openweathermap";
                                targets: string[];
                                totalRowsStored: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/imports/{source}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one source (entsoe, eia, openweathermap) now; joins a run already under way */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    source: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            configured: boolean;
                            consecutiveFailures: number;
                            keyVariable: string;
                            lastError: string | null;
                            lastRowsRejected: number | null;
                            lastRowsStored: number | null;
                            lastRunAt: string | null;
                            lastSuccessAt: string | null;
                            name: string;
                            nextRunAt: string | null;
                            running: boolean;
                            /** @enum {string} */
                            source: "entsoe" | "eia" | "openweathermap";
                            targets: string[];
                            totalRowsStored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Actual system load of an area */
        get: {
            parameters: {
                query: {
                    area: string;
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            area: string;
                            items: {
                                load: number;
                                time: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Latest tick of each instrument */
        get: {
            parameters: {
                query: {
                    instruments: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                instrumentId: string;
                                price: number;
                                time: string;
                                volume: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily settlement prices */
        get: {
            parameters: {
                query: {
                    from: string;
                    instrument: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                currency: string;
                                deliveryEnd: string;
                                deliveryStart: string;
                                instrumentId: string;
                                price: number;
                                tradeDate: string;
                                unit: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/settlements/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import an exchange settlement-price file (CSV text) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rejected: {
                                field: string;
                                message: string;
                                row: number;
                                rule: string;
                            }[];
                            stored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/ticks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ingest a batch of ticks; idempotent. With `partial`, good rows are kept and bad ones reported */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        partial?: boolean;
                        ticks: {
                            deliveryEnd?: string;
                            deliveryStart?: string;
                            instrumentId: string;
                            price: number | string | null;
                            time: string | number;
                            volume: number | string | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            rejected: {
                                field: string;
                                message: string;
                                row: number;
                                rule: string;
                            }[];
                            stored: number;
                        };
                    };
                };
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            rejected: {
                                field: string;
                                message: string;
                                row: number;
                                rule: string;
                            }[];
                            stored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/ticks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import ticks from CSV text (instrument,time,price,volume[,delivery_start,delivery_end]) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv: string;
                        partial?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            rejected: {
                                field: string;
                                message: string;
                                row: number;
                                rule: string;
                            }[];
                            stored: number;
                        };
                    };
                };
                /** @description Default Response */
                207: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: number;
                            rejected: {
                                field: string;
                                message: string;
                                row: number;
                                rule: string;
                            }[];
                            stored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/market-data/weather": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Weather observations and forecasts at a location */
        get: {
            parameters: {
                query: {
                    from: string;
                    kind?: "observation" | "forecast";
                    location: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                irradiance: number;
                                /** @enum {string} */
                                kind: "observation" | "forecast";
                                temperature: number;
                                time: string;
                                windSpeed: number;
                            }[];
                            location: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            id: string;
                            lastLoginAt: string | null;
                            mfaEnabled: boolean;
                            mfaRequired: boolean;
                            permissions: string[];
                            roles: string[];
                            username: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm enrolment with a current code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        totp: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/mfa/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: secret, otpauth URI and QR code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            otpauthUri: string;
                            qrDataUrl: string;
                            secret: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; every session of yours ends and this one gets new tokens */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            expiresIn: number;
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                id: string;
                                lastLoginAt: string | null;
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                permissions: string[];
                                roles: string[];
                                username: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orderbook/{instrumentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aggregated depth (L2) of a continuous book */
        get: {
            parameters: {
                query?: {
                    depth?: number;
                };
                header?: never;
                path: {
                    instrumentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asks: {
                                orders: number;
                                price: number;
                                quantity: number;
                            }[];
                            bids: {
                                orders: number;
                                price: number;
                                quantity: number;
                            }[];
                            halted: boolean;
                            instrumentId: string;
                            lastTradePrice: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's orders */
        get: {
            parameters: {
                query?: {
                    instrumentId?: string;
                    limit?: number;
                    offset?: number;
                    status?: "open" | "final" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account: string;
                                averagePrice: number | null;
                                clientOrderId: string;
                                createdAt: string;
                                displayQuantity: number | null;
                                expiresAt: string | null;
                                filledQuantity: number;
                                id: string;
                                instrumentId: string;
                                postOnly: boolean;
                                price: number | null;
                                quantity: number;
                                rejectReason: string | null;
                                remainingQuantity: number;
                                /** @enum {string} */
                                side: "buy" | "sell";
                                /** @enum {string} */
                                status: "new" | "accepted" | "partially_filled" | "filled" | "cancelled" | "expired" | "rejected";
                                stopPrice: number | null;
                                /** @enum {string} */
                                timeInForce: "GTC" | "GTD" | "IOC" | "FOK";
                                /** @enum {string} */
                                type: "limit" | "market" | "stop" | "stop_limit";
                                updatedAt: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Place an order (clientOrderId makes retries safe) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        clientOrderId: string;
                        displayQuantity?: number;
                        /** Format: date-time */
                        expiresAt?: string;
                        instrumentId: string;
                        postOnly?: boolean;
                        price?: number;
                        quantity: number;
                        /** @enum {string} */
                        selfTradePrevention?: "cancel_resting" | "cancel_incoming" | "cancel_both";
                        /** @enum {string} */
                        side: "buy" | "sell";
                        stopPrice?: number;
                        /** @enum {string} */
                        timeInForce: "GTC" | "GTD" | "IOC" | "FOK";
                        /** @enum {string} */
                        type: "limit" | "market" | "stop" | "stop_limit";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                account: string;
                                averagePrice: number | null;
                                clientOrderId: string;
                                createdAt: string;
                                displayQuantity: number | null;
                                expiresAt: string | null;
                                filledQuantity: number;
                                id: string;
                                instrumentId: string;
                                postOnly: boolean;
                                price: number | null;
                                quantity: number;
                                rejectReason: string | null;
                                remainingQuantity: number;
                                /** @enum {string} */
                                side: "buy" | "sell";
                                /** @enum {string} */
                                status: "new" | "accepted" | "partially_filled" | "filled" | "cancelled" | "expired" | "rejected";
                                stopPrice: number | null;
                                /** @enum {string} */
                                timeInForce: "GTC" | "GTD" | "IOC" | "FOK";
                                /** @enum {string} */
                                type: "limit" | "market" | "stop" | "stop_limit";
                                updatedAt: string;
                            };
                            trades: {
                                /** @enum {string} */
                                aggressorSide: "buy" | "sell";
                                id: string;
                                instrumentId: string;
                                orderId?: string;
                                price: number;
                                quantity: number;
                                /** @enum {string} */
                                side?: "buy" | "sell";
                                time: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                account: string;
                                averagePrice: number | null;
                                clientOrderId: string;
                                createdAt: string;
                                displayQuantity: number | null;
                                expiresAt: string | null;
                                filledQuantity: number;
                                id: string;
                                instrumentId: string;
                                postOnly: boolean;
                                price: number | null;
                                quantity: number;
                                rejectReason: string | null;
                                remainingQuantity: number;
                                /** @enum {string} */
                                side: "buy" | "sell";
                                /** @enum {string} */
                                status: "new" | "accepted" | "partially_filled" | "filled" | "cancelled" | "expired" | "rejected";
                                stopPrice: number | null;
                                /** @enum {string} */
                                timeInForce: "GTC" | "GTD" | "IOC" | "FOK";
                                /** @enum {string} */
                                type: "limit" | "market" | "stop" | "stop_limit";
                                updatedAt: string;
                            };
                            trades: {
                                /** @enum {string} */
                                aggressorSide: "buy" | "sell";
                                id: string;
                                instrumentId: string;
                                orderId?: string;
                                price: number;
                                quantity: number;
                                /** @enum {string} */
                                side?: "buy" | "sell";
                                time: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel an open order */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            averagePrice: number | null;
                            clientOrderId: string;
                            createdAt: string;
                            displayQuantity: number | null;
                            expiresAt: string | null;
                            filledQuantity: number;
                            id: string;
                            instrumentId: string;
                            postOnly: boolean;
                            price: number | null;
                            quantity: number;
                            rejectReason: string | null;
                            remainingQuantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "new" | "accepted" | "partially_filled" | "filled" | "cancelled" | "expired" | "rejected";
                            stopPrice: number | null;
                            /** @enum {string} */
                            timeInForce: "GTC" | "GTD" | "IOC" | "FOK";
                            /** @enum {string} */
                            type: "limit" | "market" | "stop" | "stop_limit";
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change the price or quantity of an open order */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        price?: number;
                        quantity?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            averagePrice: number | null;
                            clientOrderId: string;
                            createdAt: string;
                            displayQuantity: number | null;
                            expiresAt: string | null;
                            filledQuantity: number;
                            id: string;
                            instrumentId: string;
                            postOnly: boolean;
                            price: number | null;
                            quantity: number;
                            rejectReason: string | null;
                            remainingQuantity: number;
                            /** @enum {string} */
                            side: "buy" | "sell";
                            /** @enum {string} */
                            status: "new" | "accepted" | "partially_filled" | "filled" | "cancelled" | "expired" | "rejected";
                            stopPrice: number | null;
                            /** @enum {string} */
                            timeInForce: "GTC" | "GTD" | "IOC" | "FOK";
                            /** @enum {string} */
                            type: "limit" | "market" | "stop" | "stop_limit";
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portfolio/counterparties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counterparties with credit limit, current and potential future exposure and utilisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            items: {
                                creditLimit: number | null;
                                currency: string | null;
                                currentExposure: number;
                                headroom: number | null;
                                id: string | null;
                                masterAgreement: string | null;
                                name: string;
                                openDeals: number;
                                overLimit: boolean;
                                potentialFutureExposure: number;
                                /** @enum {string} */
                                status: "within" | "warning" | "breach" | "no_limit";
                                totalExposure: number;
                                utilisation: number | null;
                            }[];
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a counterparty with its credit limit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        creditLimit: number;
                        /** @enum {string} */
                        currency?: "EUR" | "GBP" | "USD";
                        /** @enum {string} */
                        masterAgreement?: "EFET" | "ISDA" | "none";
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            creditLimit: number;
                            /** @enum {string} */
                            currency: "EUR" | "GBP" | "USD";
                            id: string;
                            /** @enum {string} */
                            masterAgreement: "EFET" | "ISDA" | "none";
                            name: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio/counterparties/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a counterparty's credit limit, currency or master agreement */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        creditLimit?: number;
                        /** @enum {string} */
                        currency?: "EUR" | "GBP" | "USD";
                        /** @enum {string} */
                        masterAgreement?: "EFET" | "ISDA" | "none";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            creditLimit: number;
                            /** @enum {string} */
                            currency: "EUR" | "GBP" | "USD";
                            id: string;
                            /** @enum {string} */
                            masterAgreement: "EFET" | "ISDA" | "none";
                            name: string;
                            updatedAt: string;
                            updatedBy: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/portfolio/pnl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A day's P&L explained: price moves on the start-of-day position and new trades */
        get: {
            parameters: {
                query?: {
                    book?: string;
                    date?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            books: string[];
                            /** @description The reporting currency the totals are in; each item is in its own */
                            currency: string;
                            date: string;
                            items: {
                                book: string;
                                currency: string;
                                endMark: number | null;
                                instrumentId: string;
                                newTrades: number | null;
                                period: string;
                                priceMove: number | null;
                                startMark: number | null;
                                startQuantity: number;
                                total: number | null;
                                tradedQuantity: number;
                                unit: string;
                            }[];
                            newTrades: number;
                            priceMove: number;
                            total: number;
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio/pnl/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Explained daily P&L for each day of a window (30 days by default) */
        get: {
            parameters: {
                query?: {
                    book?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            books: string[];
                            currency: string;
                            from: string;
                            items: {
                                date: string;
                                newTrades: number;
                                priceMove: number;
                                total: number;
                                /** @description Positions left out of the day for want of an FX rate */
                                unconverted: number;
                                unexplained: number;
                            }[];
                            to: string;
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio/positions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Positions per book, instrument and delivery period from fills and OTC deals, with subtotals */
        get: {
            parameters: {
                query?: {
                    book?: string;
                    groupBy?: "book" | "period" | "instrument";
                    includeFlat?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            books: string[];
                            /** @enum {string} */
                            groupBy?: "book" | "period" | "instrument";
                            groups?: {
                                firstDay: string;
                                key: string;
                                pnl: {
                                    currency: string;
                                    realisedPnl: number;
                                    unmarked: number;
                                    unrealisedPnl: number;
                                }[];
                                positions: number;
                                quantities: {
                                    netQuantity: number;
                                    unit: string;
                                }[];
                                total: {
                                    /** @description The reporting currency (REPORTING_CURRENCY) */
                                    currency: string;
                                    /** @description Positions converted and added in */
                                    positions: number;
                                    realisedPnl: number;
                                    /** @description Positions left out for want of an FX rate (named in warnings) */
                                    unconverted: number;
                                    unrealisedPnl: number;
                                };
                            }[];
                            items: {
                                averagePrice: number | null;
                                book: string;
                                currency: string;
                                exchangeQuantity: number;
                                firstDay: string;
                                instrumentId: string;
                                lastDay: string;
                                markPrice: number | null;
                                markSource: ("trade" | "curve" | "stale_trade") | null;
                                netQuantity: number;
                                otcQuantity: number;
                                period: string;
                                realisedPnl: number;
                                unit: string;
                                unrealisedPnl: number | null;
                            }[];
                            totals: {
                                /** @description The reporting currency (REPORTING_CURRENCY) */
                                currency: string;
                                /** @description Positions converted and added in */
                                positions: number;
                                realisedPnl: number;
                                /** @description Positions left out for want of an FX rate (named in warnings) */
                                unconverted: number;
                                unrealisedPnl: number;
                            };
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Listed products and their contract specifications */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                area: string;
                                calendar: string;
                                cascade: {
                                    [key: string]: string;
                                };
                                closeTime: string;
                                closeTimeZone: string;
                                code: string;
                                commodity: string;
                                currency: string;
                                curveInstrumentId: string;
                                cycle: {
                                    [key: string]: number;
                                };
                                dayStartHour: number;
                                deliveryBusinessDaysAfterExpiry: number | null;
                                lastListedYear: number | null;
                                lastTrading: {
                                    days?: number;
                                    kind: string;
                                    monthsBefore?: number;
                                };
                                lotSize: string;
                                mic: string;
                                name: string;
                                priceUnit: string;
                                profile: {
                                    fromHour?: number;
                                    /** @enum {string} */
                                    kind: "base" | "peak" | "lot";
                                    toHour?: number;
                                    weekdays?: number[];
                                };
                                quantityUnit: string;
                                /** @enum {string} */
                                settlement: "physical" | "cash";
                                tickSize: string;
                                timeZone: string;
                                venue: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{code}/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts a product lists on a trading day, with delivery window, last trading day, hours and energy per lot */
        get: {
            parameters: {
                query?: {
                    asOf?: string;
                    tenor?: "day" | "weekend" | "week" | "month" | "quarter" | "season" | "year" | "december";
                };
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            items: {
                                cascadesInto: string[];
                                deliveryEnd: string;
                                deliveryHours: number;
                                deliveryStart: string;
                                energyPerLot: number;
                                energyUnit: string;
                                firstDeliveryDay: string;
                                id: string;
                                lastDeliveryDay: string;
                                lastTradingDay: string;
                                period: string;
                                /** @enum {string} */
                                status: "trading" | "expired" | "not_yet_listed";
                                /** @enum {string} */
                                tenor: "day" | "weekend" | "week" | "month" | "quarter" | "season" | "year" | "december";
                                tradingEndsAt: string;
                            }[];
                            product: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Limit breaches, clearings and refused orders, newest first */
        get: {
            parameters: {
                query?: {
                    book?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                at: string;
                                book: string | null;
                                id: string;
                                /** @enum {string} */
                                kind: "breach" | "cleared" | "refused";
                                limitId: string;
                                limitName: string;
                                message: string;
                                severity: string;
                                threshold: number;
                                value: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kupiec and traffic-light backtest of stored VaR runs */
        get: {
            parameters: {
                query?: {
                    book?: string;
                    confidence?: number;
                    method?: "historical" | "parametric" | "montecarlo";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            book: string | null;
                            confidence: number;
                            days: number;
                            exceptions: number;
                            kupiec: {
                                expectedExceptions: number;
                                likelihoodRatio: number;
                                pValue: number;
                                rejected: boolean;
                            } | null;
                            /** @enum {string} */
                            method: "historical" | "parametric" | "montecarlo";
                            observations: {
                                at: string;
                                exception: boolean;
                                pnl: number;
                                var: number;
                            }[];
                            trafficLight: {
                                cumulativeProbability: number;
                                plusFactor?: number;
                                /** @enum {string} */
                                zone: "green" | "yellow" | "red";
                            } | null;
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/limits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Limits with their utilisation, measured now; breaches raise alerts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                book: string | null;
                                id: string;
                                instrumentId: string | null;
                                /** @enum {string} */
                                kind: "var" | "position" | "notional" | "stop_loss";
                                name: string;
                                /** @enum {string} */
                                scope: "desk" | "book";
                                /** @enum {string} */
                                severity: "hard" | "soft";
                                threshold: number;
                                unit: string;
                                utilisation: {
                                    book: string | null;
                                    /** @enum {string} */
                                    status: "ok" | "warning" | "breach";
                                    unconverted: string[];
                                    utilisation: number;
                                    value: number;
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Set a VaR, position, notional or stop-loss limit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        book?: string;
                        instrumentId?: string;
                        /** @enum {string} */
                        kind: "var" | "position" | "notional" | "stop_loss";
                        name: string;
                        /** @enum {string} */
                        scope: "desk" | "book";
                        /** @enum {string} */
                        severity: "hard" | "soft";
                        threshold: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            book: string | null;
                            id: string;
                            instrumentId: string | null;
                            /** @enum {string} */
                            kind: "var" | "position" | "notional" | "stop_loss";
                            name: string;
                            /** @enum {string} */
                            scope: "desk" | "book";
                            /** @enum {string} */
                            severity: "hard" | "soft";
                            threshold: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/limits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retire a limit */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Options on futures of the books the caller sees, valued by Black-76 with their greeks */
        get: {
            parameters: {
                query?: {
                    book?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                book: string;
                                createdAt: string;
                                createdBy: string;
                                expiresAt: string;
                                id: string;
                                quantity: number;
                                rate: number;
                                strike: number;
                                /** @enum {string} */
                                type: "call" | "put";
                                underlying: string;
                                /** @description Black-76 at the underlying last close; null without a price */
                                valuation: {
                                    delta: number;
                                    expiryYears: number;
                                    forward: number;
                                    gamma: number;
                                    theta: number;
                                    unitPrice: number;
                                    value: number;
                                    vega: number;
                                } | null;
                                volatility: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register an option on a futures contract held by a book */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        book: string;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description in the underlying unit; positive bought, negative sold */
                        quantity: number;
                        /** @description continuously compounded discount rate; 0 by default */
                        rate?: number;
                        strike: number;
                        /** @enum {string} */
                        type: "call" | "put";
                        /** @description catalogue id of the futures contract the option is written on */
                        underlying: string;
                        /** @description annualised implied volatility, 0.6 = 60% */
                        volatility: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            book: string;
                            createdAt: string;
                            createdBy: string;
                            expiresAt: string;
                            id: string;
                            quantity: number;
                            rate: number;
                            strike: number;
                            /** @enum {string} */
                            type: "call" | "put";
                            underlying: string;
                            volatility: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/options/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Retire an option position (exercised, expired or closed) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/stress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** P&L of every position under the shipped scenarios */
        get: {
            parameters: {
                query?: {
                    book?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            results: {
                                name: string;
                                pnlByCommodity: {
                                    [key: string]: number;
                                };
                                positions: {
                                    book: string;
                                    commodity: string;
                                    /** @description the instrument, or for an option its underlying, type, strike and expiry */
                                    instrumentId: string;
                                    pnl: number;
                                    price: number;
                                    quantity: number;
                                    stressedPrice: number;
                                    stressedVolatility?: number;
                                    volatility?: number;
                                }[];
                                scenarioId: string;
                                totalPnl: number;
                            }[];
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** P&L of every position under shipped scenarios and custom shocks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        book?: string;
                        custom?: {
                            commodity: string;
                            /** @enum {string} */
                            kind: "relative" | "absolute";
                            /**
                             * @description volatility shocks move the implied volatility of options on the commodity
                             * @default price
                             * @enum {string}
                             */
                            measure?: "price" | "volatility";
                            shock: number;
                            /** @enum {string} */
                            tenor?: "spot" | "day-ahead" | "weekend" | "front-month" | "front-quarter" | "front-season" | "calendar";
                        }[];
                        scenarioIds?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency: string;
                            results: {
                                name: string;
                                pnlByCommodity: {
                                    [key: string]: number;
                                };
                                positions: {
                                    book: string;
                                    commodity: string;
                                    /** @description the instrument, or for an option its underlying, type, strike and expiry */
                                    instrumentId: string;
                                    pnl: number;
                                    price: number;
                                    quantity: number;
                                    stressedPrice: number;
                                    stressedVolatility?: number;
                                    volatility?: number;
                                }[];
                                scenarioId: string;
                                totalPnl: number;
                            }[];
                            warnings: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/stress/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipped historic stress scenarios */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                commodities: string[];
                                description: string;
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/var": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Value-at-Risk and expected shortfall of a book, or of the desk for a risk manager */
        get: {
            parameters: {
                query?: {
                    /** @description parametric only; delta-gamma (default) adds option gamma by Cornish-Fisher */
                    approximation?: "delta-normal" | "delta-gamma";
                    book?: string;
                    confidence?: number;
                    /** @description what contributions are summed by */
                    groupBy?: "position" | "book" | "commodity" | "deliveryPeriod";
                    /** @description Monte Carlo with meanReversion: one half-life for every reverting factor */
                    halfLifeDays?: number;
                    horizonDays?: number;
                    /** @description Monte Carlo only: power and gas factors revert to their mean (Ornstein-Uhlenbeck) */
                    meanReversion?: "true" | "false";
                    method?: "historical" | "parametric" | "montecarlo";
                    scenarios?: number;
                    seed?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            book: string | null;
                            confidence: number;
                            /** @description Euler allocation of the delta-normal VaR, rescaled to the method */
                            contributions: {
                                /** @description Euler component: the contributions add up to the VaR */
                                component: number;
                                key: string;
                                /** @description VaR added per unit of currency of delta-equivalent exposure added to the group */
                                marginal: number;
                                positions: number;
                                share: number;
                            }[];
                            currency: string;
                            es: number;
                            factors: number;
                            /** @enum {string} */
                            groupBy: "position" | "book" | "commodity" | "deliveryPeriod";
                            horizonDays: number;
                            /** @description the stored run; null for VaR computed on request, which is not stored */
                            id: string | null;
                            meanReversion: {
                                halfLifeDays: number;
                                instrumentId: string;
                                longRunLevel: number;
                            }[];
                            /** @enum {string} */
                            method: "historical" | "parametric" | "montecarlo";
                            pnlDistribution: {
                                bins: {
                                    count: number;
                                    from: number;
                                    to: number;
                                }[];
                            };
                            positions: number;
                            scenarios: number | null;
                            var: number;
                            warnings: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/var/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stored VaR runs, newest first */
        get: {
            parameters: {
                query?: {
                    book?: string;
                    limit?: number;
                    method?: "historical" | "parametric" | "montecarlo";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                at: string;
                                book: string | null;
                                confidence: number;
                                currency: string;
                                es: number;
                                factors: number;
                                horizonDays: number;
                                id: string;
                                /** @enum {string} */
                                method: "historical" | "parametric" | "montecarlo";
                                positions: number;
                                var: number;
                                warnings: string[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/var/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a VaR run in the background; poll it or follow it on the risk stream */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description parametric only; delta-gamma (default) adds option gamma by Cornish-Fisher
                         * @enum {string}
                         */
                        approximation?: "delta-normal" | "delta-gamma";
                        book?: string;
                        /** @default 0.99 */
                        confidence?: number;
                        /**
                         * @description what contributions are summed by
                         * @default position
                         * @enum {string}
                         */
                        groupBy?: "position" | "book" | "commodity" | "deliveryPeriod";
                        /** @description Monte Carlo with meanReversion: one half-life for every reverting factor */
                        halfLifeDays?: number;
                        /** @default 1 */
                        horizonDays?: number;
                        meanReversion?: boolean;
                        /**
                         * @default historical
                         * @enum {string}
                         */
                        method?: "historical" | "parametric" | "montecarlo";
                        scenarios?: number;
                        seed?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            done: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            fraction: number;
                            /** @enum {string} */
                            method: "historical" | "parametric" | "montecarlo";
                            requestedBy: string;
                            result: {
                                at: string;
                                book: string | null;
                                confidence: number;
                                /** @description Euler allocation of the delta-normal VaR, rescaled to the method */
                                contributions: {
                                    /** @description Euler component: the contributions add up to the VaR */
                                    component: number;
                                    key: string;
                                    /** @description VaR added per unit of currency of delta-equivalent exposure added to the group */
                                    marginal: number;
                                    positions: number;
                                    share: number;
                                }[];
                                currency: string;
                                es: number;
                                factors: number;
                                /** @enum {string} */
                                groupBy: "position" | "book" | "commodity" | "deliveryPeriod";
                                horizonDays: number;
                                /** @description the stored run; null for VaR computed on request, which is not stored */
                                id: string | null;
                                meanReversion: {
                                    halfLifeDays: number;
                                    instrumentId: string;
                                    longRunLevel: number;
                                }[];
                                /** @enum {string} */
                                method: "historical" | "parametric" | "montecarlo";
                                pnlDistribution: {
                                    bins: {
                                        count: number;
                                        from: number;
                                        to: number;
                                    }[];
                                };
                                positions: number;
                                scenarios: number | null;
                                var: number;
                                warnings: string[];
                            } | null;
                            runId: string;
                            seq: number;
                            stage: ("prices" | "simulation" | "storing") | null;
                            startedAt: string;
                            /** @enum {string} */
                            status: "running" | "done" | "failed";
                            total: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk/var/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background VaR run's progress, and its figures once done */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    runId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            done: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            fraction: number;
                            /** @enum {string} */
                            method: "historical" | "parametric" | "montecarlo";
                            requestedBy: string;
                            result: {
                                at: string;
                                book: string | null;
                                confidence: number;
                                /** @description Euler allocation of the delta-normal VaR, rescaled to the method */
                                contributions: {
                                    /** @description Euler component: the contributions add up to the VaR */
                                    component: number;
                                    key: string;
                                    /** @description VaR added per unit of currency of delta-equivalent exposure added to the group */
                                    marginal: number;
                                    positions: number;
                                    share: number;
                                }[];
                                currency: string;
                                es: number;
                                factors: number;
                                /** @enum {string} */
                                groupBy: "position" | "book" | "commodity" | "deliveryPeriod";
                                horizonDays: number;
                                /** @description the stored run; null for VaR computed on request, which is not stored */
                                id: string | null;
                                meanReversion: {
                                    halfLifeDays: number;
                                    instrumentId: string;
                                    longRunLevel: number;
                                }[];
                                /** @enum {string} */
                                method: "historical" | "parametric" | "montecarlo";
                                pnlDistribution: {
                                    bins: {
                                        count: number;
                                        from: number;
                                        to: number;
                                    }[];
                                };
                                positions: number;
                                scenarios: number | null;
                                var: number;
                                warnings: string[];
                            } | null;
                            runId: string;
                            seq: number;
                            stage: ("prices" | "simulation" | "storing") | null;
                            startedAt: string;
                            /** @enum {string} */
                            status: "running" | "done" | "failed";
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Roles, their permissions and MFA policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                mfaRequired: boolean;
                                permissions: string[];
                                role: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{role}/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Require MFA for a role */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    role: "admin" | "trader" | "risk_manager" | "compliance_officer" | "analyst" | "viewer";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        required: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mfaRequired: boolean;
                            permissions: string[];
                            role: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trades": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Trades, newest first */
        get: {
            parameters: {
                query?: {
                    instrumentId?: string;
                    limit?: number;
                    mine?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                aggressorSide: "buy" | "sell";
                                id: string;
                                instrumentId: string;
                                orderId?: string;
                                price: number;
                                quantity: number;
                                /** @enum {string} */
                                side?: "buy" | "sell";
                                time: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trading/books/{instrumentId}/halt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Halt a continuous book: it takes no new orders until resumed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    instrumentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            halted: boolean;
                            instrumentId: string;
                            killSwitch: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trading/books/{instrumentId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a halted book */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    instrumentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            halted: boolean;
                            instrumentId: string;
                            killSwitch: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trading/controls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which books are halted, and whether the kill switch is engaged */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            books: {
                                halted: boolean;
                                instrumentId: string;
                                killSwitch: boolean;
                            }[];
                            killSwitch: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trading/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Instruments open for continuous trading */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                currency: string;
                                gateClosure: string | null;
                                halted: boolean;
                                instrumentId: string;
                                lotSize: number;
                                name: string;
                                tickSize: number;
                                unit: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trading/kill-switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Engage or release the desk-wide kill switch (halts every book) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        engaged: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            books: {
                                halted: boolean;
                                instrumentId: string;
                                killSwitch: boolean;
                            }[];
                            killSwitch: boolean;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/trading/limits/{account}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account's pre-trade position and credit limits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    account: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            creditLimit: number | null;
                            positions: {
                                instrumentId: string;
                                maxNetQuantity: number;
                            }[];
                        };
                    };
                };
            };
        };
        /** Set an account's position limits (net quantity per instrument) and credit limit */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    account: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        creditLimit?: number | null;
                        /** @default [] */
                        positions?: {
                            instrumentId: string;
                            maxNetQuantity: number | null;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: string;
                            creditLimit: number | null;
                            positions: {
                                instrumentId: string;
                                maxNetQuantity: number;
                            }[];
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                createdAt: string;
                                disabled: boolean;
                                displayName: string;
                                id: string;
                                lastLoginAt: string | null;
                                mfaEnabled: boolean;
                                mfaRequired: boolean;
                                permissions: string[];
                                roles: string[];
                                username: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        password: string;
                        roles: ("admin" | "trader" | "risk_manager" | "compliance_officer" | "analyst" | "viewer")[];
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            id: string;
                            lastLoginAt: string | null;
                            mfaEnabled: boolean;
                            mfaRequired: boolean;
                            permissions: string[];
                            roles: string[];
                            username: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change roles or display name, disable, or reset MFA */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        displayName?: string;
                        resetMfa?: boolean;
                        roles?: ("admin" | "trader" | "risk_manager" | "compliance_officer" | "analyst" | "viewer")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            displayName: string;
                            id: string;
                            lastLoginAt: string | null;
                            mfaEnabled: boolean;
                            mfaRequired: boolean;
                            permissions: string[];
                            roles: string[];
                            username: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift the sign-in locks on a user's name, from every address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
