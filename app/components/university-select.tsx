// The administrators' choice of university on the staff pages (staff work on their own and see no choice).
import { localized } from "~/lib/i18n";
import { useLanguage } from "~/lib/language";

export function UniversitySelect({
  universities,
  value,
  label,
}: {
  universities: Array<{ id: string; name: string; nameEn: string | null }>;
  value: string | null;
  label: string;
}) {
  const { language } = useLanguage();
  if (universities.length === 0) return null;
  return (
    <label className="flex min-w-0 max-w-full flex-col text-sm">
      <span>{label}</span>
      <select
        name="university"
        defaultValue={value ?? ""}
        className="mt-1 max-w-full rounded border border-slate-300 bg-white px-2 py-1"
      >
        {universities.map((u) => (
          <option key={u.id} value={u.id}>
            {localized(language, u.name, u.nameEn)}
          </option>
        ))}
      </select>
    </label>
  );
}
