/** Words for plausible people: names, roles, employers, places and skills (shared by both seeds). */
export const FIRST_NAMES = [
  'Ada', 'Alan', 'Amara', 'Anika', 'Ben', 'Bianca', 'Carlos', 'Chen', 'Chloe', 'Dana', 'David', 'Diego', 'Elena', 'Emeka', 'Emma',
  'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Isaac', 'Jamal', 'Jin', 'Julia', 'Kai', 'Karin', 'Lars', 'Leila', 'Liam',
  'Lucia', 'Maya', 'Mei', 'Mohammed', 'Nadia', 'Nia', 'Noah', 'Olga', 'Omar', 'Priya', 'Rafael', 'Ravi', 'Rosa', 'Sam', 'Sara',
  'Sven', 'Tariq', 'Tomás', 'Uma', 'Vera', 'Wei', 'Yara', 'Yusuf', 'Zoë',
] as const;

export const LAST_NAMES = [
  'Abebe', 'Andersen', 'Baker', 'Banerjee', 'Becker', 'Chen', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Gupta', 'Haddad',
  'Hughes', 'Ibrahim', 'Ivanova', 'Jensen', 'Kim', 'Kowalski', 'Lee', 'López', 'Martin', 'Mensah', 'Müller', 'Nakamura', 'Nguyen',
  'Novak', 'Okafor', 'Olsen', 'Patel', 'Pereira', 'Quinn', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Tanaka', 'Taylor',
  'Thompson', 'Usman', 'Varga', 'Walker', 'Wang', 'Williams', 'Yilmaz', 'Zhang',
] as const;

export const ROLES = [
  'Data scientist', 'Backend engineer', 'Frontend engineer', 'Product manager', 'Site reliability engineer', 'Security analyst',
  'Engineering manager', 'UX designer', 'Machine learning engineer', 'Database administrator', 'Solutions architect',
  'Technical writer', 'QA engineer', 'Mobile developer', 'Data engineer', 'Research scientist', 'CTO', 'Consultant',
] as const;

export const EMPLOYERS = [
  'Acme Analytics', 'Blue Harbor Bank', 'Cobalt Health', 'Delta Logistics', 'Evergreen Energy', 'Fjord Software', 'Granite Insurance',
  'Helix Biotech', 'Ionic Labs', 'Juniper Retail', 'Kestrel Aerospace', 'Lumen Media', 'Meridian University', 'Northwind Traders',
  'Orbit Telecom', 'Pioneer Robotics', 'Quartz Consulting', 'Redwood Government Services', 'Summit Games', 'Tidal Shipping',
] as const;

export const LOCATIONS = [
  'Amsterdam', 'Austin', 'Bangalore', 'Berlin', 'Boston', 'Buenos Aires', 'Cape Town', 'Chicago', 'Copenhagen', 'Denver', 'Dublin',
  'Edinburgh', 'Helsinki', 'Lagos', 'Lisbon', 'London', 'Madrid', 'Melbourne', 'Mexico City', 'Montreal', 'Nairobi', 'New York',
  'Oslo', 'Paris', 'Prague', 'San Francisco', 'São Paulo', 'Seattle', 'Seoul', 'Singapore', 'Stockholm', 'Sydney', 'Tokyo',
  'Toronto', 'Vancouver', 'Vienna', 'Warsaw', 'Zurich',
] as const;

export const SKILLS = [
  'python', 'typescript', 'javascript', 'go', 'rust', 'java', 'kotlin', 'swift', 'sql', 'postgres', 'kubernetes', 'docker', 'terraform',
  'aws', 'gcp', 'azure', 'react', 'vue', 'graphql', 'statistics', 'machine learning', 'deep learning', 'nlp', 'spark', 'airflow',
  'security', 'cryptography', 'accessibility', 'figma', 'product strategy', 'roadmaps', 'leadership', 'mentoring', 'testing',
  'observability', 'linux', 'networking', 'data visualization', 'excel', 'public speaking',
] as const;
