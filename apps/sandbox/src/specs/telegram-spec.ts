import telegramData from './data/telegram.json';

export interface TelegramFieldSpec {
  name: string;
  /** As api.json writes them: `Integer`, `String`, `Array of InputMediaPhoto`, `InputFile`, ... */
  types: string[];
  required: boolean;
}

export interface TelegramSpec {
  /** The methods the sandbox emulates, with their parameters. */
  methods: Map<string, Map<string, TelegramFieldSpec>>;
  /** Fields of the object types those parameters hold (for nested checks). */
  types: Map<string, Map<string, TelegramFieldSpec>>;
  /** Bot API methods the sandbox does not emulate: known, so not 404. */
  notEmulated: Set<string>;
}

/** The committed extract of the Bot API (`data/telegram.json`, written by `npm run specs:extract`). */
export interface TelegramSpecData {
  source: { repository: string; commit: string; version: string; files: string[]; extractedOn: string };
  methods: Record<string, TelegramFieldSpec[]>;
  types: Record<string, TelegramFieldSpec[]>;
  notEmulated: string[];
}

export function telegramSpecFrom(data: TelegramSpecData): TelegramSpec {
  const byName = (fields: TelegramFieldSpec[]): Map<string, TelegramFieldSpec> => new Map(fields.map((f) => [f.name, { ...f, types: [...f.types] }]));
  return {
    methods: new Map(Object.entries(data.methods).map(([name, fields]) => [name, byName(fields)])),
    types: new Map(Object.entries(data.types).map(([name, fields]) => [name, byName(fields)])),
    notEmulated: new Set(data.notEmulated),
  };
}

export const TELEGRAM_SPEC_DATA = telegramData as TelegramSpecData;

export function loadTelegramSpec(): TelegramSpec {
  return telegramSpecFrom(TELEGRAM_SPEC_DATA);
}
