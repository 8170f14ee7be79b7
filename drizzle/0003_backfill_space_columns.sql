-- Desks, square feet and the move-in date were kept inside detailed_amenities; they are columns now.
UPDATE "spaces" SET
  "desks" = CASE WHEN jsonb_typeof("detailed_amenities"->'desks') = 'number' THEN ("detailed_amenities"->>'desks')::numeric::integer END,
  "square_feet" = CASE WHEN jsonb_typeof("detailed_amenities"->'squareFeet') = 'number' THEN ("detailed_amenities"->>'squareFeet')::numeric::integer END,
  "available_from" = CASE WHEN "detailed_amenities"->>'availableFrom' ~ '^\d{4}-\d{2}-\d{2}$' THEN ("detailed_amenities"->>'availableFrom')::date END,
  "detailed_amenities" = "detailed_amenities" - 'desks' - 'squareFeet' - 'availableFrom'
WHERE "detailed_amenities" ?| array['desks', 'squareFeet', 'availableFrom'];
--> statement-breakpoint
-- Deal requirements speak the contract's names: neighborhoods (a list) and moveInDate.
UPDATE "deals" SET "requirements" =
  ("requirements" - 'location' - 'moveInBy')
  || CASE WHEN "requirements" ? 'location' THEN jsonb_build_object('neighborhoods', jsonb_build_array("requirements"->'location')) ELSE '{}'::jsonb END
  || CASE WHEN "requirements" ? 'moveInBy' THEN jsonb_build_object('moveInDate', "requirements"->'moveInBy') ELSE '{}'::jsonb END
WHERE "requirements" ?| array['location', 'moveInBy'];
